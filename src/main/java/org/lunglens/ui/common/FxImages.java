package org.lunglens.ui.common;

import java.awt.image.BufferedImage;
import javafx.embed.swing.SwingFXUtils;
import javafx.scene.image.Image;
import javafx.scene.image.PixelFormat;
import javafx.scene.image.WritableImage;

/** Core renderings ({@link BufferedImage}s) and model inputs as JavaFX images. */
public final class FxImages {
    private FxImages() {
    }

    public static Image of(BufferedImage img) {
        return img == null ? null : SwingFXUtils.toFXImage(img, null);
    }

    /** A square model input with values in [0, 1] as gray. */
    public static Image ofInput(float[] input, int size) {
        int[] argb = new int[size * size];
        for (int i = 0; i < argb.length; i++) {
            int v = Math.round(Math.max(0, Math.min(1, input[i])) * 255);
            argb[i] = 0xFF000000 | v << 16 | v << 8 | v;
        }
        WritableImage img = new WritableImage(size, size);
        img.getPixelWriter().setPixels(0, 0, size, size, PixelFormat.getIntArgbInstance(), argb, 0, size);
        return img;
    }
}
