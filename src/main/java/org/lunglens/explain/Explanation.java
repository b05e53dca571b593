package org.lunglens.explain;

import java.awt.image.BufferedImage;
import org.lunglens.gradcam.Analysis;
import org.lunglens.gradcam.HeatmapRenderer;
import org.lunglens.gradcam.ModelSession;
import org.lunglens.gradcam.OverlayStyle;
import org.lunglens.imaging.PixelData;

/**
 * A film explained two ways for teaching: the model's analysis with Grad-CAM of the predicted class, the
 * occlusion map of the same class, where each one's heat lies, and the film with each map drawn over it.
 *
 * @param film          the film as the viewer first shows it, enlarged to at least the asked size
 * @param gradCamView   the film with Grad-CAM over it (the film alone when the model has no convolution)
 * @param occlusionView the film with the occlusion map over it
 */
public record Explanation(Analysis analysis, Occlusion.Result occlusion, HeatCheck gradCamCheck,
                          HeatCheck occlusionCheck, BufferedImage film, BufferedImage gradCamView,
                          BufferedImage occlusionView) {

    /** Runs everything on the calling thread, which must be the session's (the AI thread). */
    public static Explanation of(ModelSession session, PixelData pixels, OverlayStyle style, int minSide) {
        Analysis a = session.analyse(pixels, -1);
        int explained = a.heatmap() != null ? a.heatmap().classIndex() : a.prediction().predictedIndex();
        int size = a.inputSize();
        Occlusion.Result occ = new Occlusion(session.classifier()).compute(a.input(), explained,
                Occlusion.Settings.forInput(size));
        BufferedImage film = HeatmapRenderer.grayImage(pixels, minSide);
        BufferedImage gradCam = a.heatmap() == null ? film : HeatmapRenderer.overlay(film, a.heatmap(), style);
        return new Explanation(a, occ, HeatCheck.of(a.heatmap(), a.input(), size),
                HeatCheck.of(occ.map(), a.input(), size), film, gradCam,
                HeatmapRenderer.overlay(film, occ.map(), style));
    }
}
