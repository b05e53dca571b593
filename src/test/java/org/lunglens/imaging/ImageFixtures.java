package org.lunglens.imaging;

import java.awt.image.BufferedImage;
import java.awt.image.IndexColorModel;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;
import java.util.zip.CRC32;
import javax.imageio.ImageIO;

/** Images the tests generate, and the real samples in {@code ../shared/data/samples}. */
public final class ImageFixtures {
    private static final byte[] PNG_SIGNATURE = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n'};

    private ImageFixtures() {
    }

    /** The shared sample folder; surefire passes {@code lunglens.shared}. */
    public static Path samples() {
        return Path.of(System.getProperty("lunglens.shared", "../shared"), "data", "samples");
    }

    /** An 8-bit gray horizontal ramp: sample(x, y) = (x * 4) & 255. */
    public static BufferedImage grayRamp(int width, int height) {
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_BYTE_GRAY);
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                image.getRaster().setSample(x, y, 0, (x * 4) & 255);
            }
        }
        return image;
    }

    /** Seeded noise, so that compressed data is large enough to cut in half. */
    public static BufferedImage grayNoise(int width, int height, long seed) {
        Random random = new Random(seed);
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_BYTE_GRAY);
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                image.getRaster().setSample(x, y, 0, random.nextInt(256));
            }
        }
        return image;
    }

    /** Fills an RGB(A) image pixel by pixel with {@code argb(x, y)}. */
    public static BufferedImage argbImage(int width, int height, int type, PixelFunction argb) {
        BufferedImage image = new BufferedImage(width, height, type);
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                image.setRGB(x, y, argb.at(x, y));
            }
        }
        return image;
    }

    /** A palette image of four saturated colours, so no writer can store it as gray. */
    public static BufferedImage colourPalette(int width, int height) {
        byte[] r = {(byte) 255, 0, 0, (byte) 255};
        byte[] g = {0, (byte) 255, 0, (byte) 255};
        byte[] b = {0, 0, (byte) 255, 0};
        IndexColorModel palette = new IndexColorModel(2, 4, r, g, b);
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_BYTE_BINARY, palette);
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                image.getRaster().setSample(x, y, 0, x % 4);
            }
        }
        return image;
    }

    public static Path write(BufferedImage image, String format, Path file) {
        try {
            if (!ImageIO.write(image, format, file.toFile())) {
                throw new IllegalStateException("No ImageIO writer for " + format + " and " + image);
            }
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static byte[] encode(BufferedImage image, String format) {
        try {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            ImageIO.write(image, format, out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * A PNG signature and a valid IHDR chunk declaring {@code width x height} 8-bit gray, plus an empty
     * IEND: a header that claims a huge image without any pixel data behind it.
     */
    public static byte[] pngHeaderOnly(int width, int height) {
        return pngHeaderOnly(width, height, 8, 0);
    }

    /** The same with a bit depth and a PNG colour type (0 gray, 2 RGB, 6 RGBA...). */
    public static byte[] pngHeaderOnly(int width, int height, int bitDepth, int colourType) {
        ByteBuffer ihdr = ByteBuffer.allocate(13).putInt(width).putInt(height)
                .put((byte) bitDepth).put((byte) colourType).put((byte) 0).put((byte) 0).put((byte) 0);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(PNG_SIGNATURE);
        out.writeBytes(chunk("IHDR", ihdr.array()));
        out.writeBytes(chunk("IEND", new byte[0]));
        return out.toByteArray();
    }

    /** Rewrites the height and width of a baseline JPEG's SOF0 marker: a small file that declares a huge image. */
    public static byte[] withJpegSize(byte[] jpeg, int width, int height) {
        byte[] out = jpeg.clone();
        for (int i = 2; i + 8 < out.length; i++) {
            if ((out[i] & 0xFF) == 0xFF && (out[i + 1] & 0xFF) == 0xC0) {
                ByteBuffer.wrap(out, i + 5, 4).putShort((short) height).putShort((short) width);
                return out;
            }
        }
        throw new IllegalStateException("no SOF0 marker");
    }

    /** A BITMAPINFOHEADER BMP declaring a size, with no pixel data behind it. */
    public static byte[] bmpHeaderOnly(int width, int height, int bits) {
        ByteBuffer b = ByteBuffer.allocate(54).order(ByteOrder.LITTLE_ENDIAN);
        b.put((byte) 'B').put((byte) 'M').putInt(54).putInt(0).putInt(54);
        b.putInt(40).putInt(width).putInt(height).putShort((short) 1).putShort((short) bits).putInt(0)
                .putInt(0).putInt(2835).putInt(2835).putInt(0).putInt(0);
        return b.array();
    }

    /** PNG colour type (IHDR byte 25): 0 gray, 2 RGB, 3 palette, 4 gray+alpha, 6 RGBA. */
    public static int pngColourType(Path png) throws IOException {
        return Files.readAllBytes(png)[25];
    }

    /** PNG bit depth per sample (IHDR byte 24). */
    public static int pngBitDepth(Path png) throws IOException {
        return Files.readAllBytes(png)[24];
    }

    private static byte[] chunk(String type, byte[] data) {
        byte[] typeBytes = type.getBytes(StandardCharsets.US_ASCII);
        CRC32 crc = new CRC32();
        crc.update(typeBytes);
        crc.update(data);
        return ByteBuffer.allocate(12 + data.length).putInt(data.length).put(typeBytes).put(data)
                .putInt((int) crc.getValue()).array();
    }

    /** A pixel's packed ARGB from its coordinates. */
    @FunctionalInterface
    public interface PixelFunction {
        int at(int x, int y);
    }
}
