package org.lunglens.ui.teaching;

import java.nio.file.Path;
import java.util.function.BiConsumer;
import javafx.concurrent.Task;
import org.lunglens.explain.Explanation;
import org.lunglens.gradcam.ModelSession;
import org.lunglens.gradcam.ModelSessions;
import org.lunglens.gradcam.OverlayStyle;
import org.lunglens.imaging.ImageLoader;
import org.lunglens.imaging.LoadedImage;
import org.lunglens.model.ModelLoadException;
import org.lunglens.patientlog.GradCamInfo;
import org.lunglens.patientlog.ReadRecord;
import org.lunglens.teaching.QuizAnswer;
import org.lunglens.ui.ai.AiPane;
import org.lunglens.ui.common.BackgroundWork;
import org.lunglens.ui.patientlog.AnalysisLogger;
import org.lunglens.ui.patientlog.LogService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The quiz's background work: films load on the load thread; every case is explained (prediction, Grad-CAM,
 * occlusion) on the AI thread in case order as soon as the quiz starts, so a reveal rarely waits; reads and AI
 * runs go to the patient log on its own thread. Results come back on the FX thread.
 */
final class QuizWork {
    private static final Logger LOG = LoggerFactory.getLogger(QuizWork.class);
    /** Films are shown at least this large, so the heat is not a few blurry pixels on a projector. */
    private static final int MIN_SIDE = 512;

    private final BackgroundWork work;
    private final LogService log;
    private final AnalysisLogger aiLogger;
    private final String modelFile;
    private final OverlayStyle style;
    /** Touched only on the AI thread. */
    private final ModelSessions sessions = new ModelSessions();

    QuizWork(BackgroundWork work, LogService log, AnalysisLogger aiLogger, String modelFile, OverlayStyle style) {
        this.work = work;
        this.log = log;
        this.aiLogger = aiLogger;
        this.modelFile = modelFile;
        this.style = style;
    }

    /** The quiz's loaded models: hand only to work that runs on the AI thread. */
    ModelSessions sessions() {
        return sessions;
    }

    BackgroundWork work() {
        return work;
    }

    void loadFilm(Path file, BiConsumer<LoadedImage, String> done) {
        Task<LoadedImage> task = new Task<>() {
            @Override
            protected LoadedImage call() throws Exception {
                return new ImageLoader().load(file);
            }
        };
        task.setOnSucceeded(e -> done.accept(task.getValue(), null));
        task.setOnFailed(e -> done.accept(null, file.getFileName() + ": " + task.getException().getMessage()));
        work.load("Loading " + file.getFileName(), task);
    }

    /** The explanation, or the reason there is none (no model, unreadable film). */
    void explain(Path file, BiConsumer<Explanation, String> done) {
        Task<Explanation> task = new Task<>() {
            @Override
            protected Explanation call() throws Exception {
                updateProgress(-1, 1);
                ModelSession session = sessions.get(AiPane.resolve(modelFile));
                return Explanation.of(session, new ImageLoader().load(file).pixels(), style, MIN_SIDE);
            }
        };
        task.setOnSucceeded(e -> done.accept(task.getValue(), null));
        task.setOnFailed(e -> {
            Throwable t = task.getException();
            if (!(t instanceof ModelLoadException)) {
                LOG.error("Explaining {} failed", file, t);
            }
            done.accept(null, t.getMessage());
        });
        work.ai("AI: " + file.getFileName(), task);
    }

    /** Stores the read as made before the AI was shown; {@code done} gets null or the problem. */
    void saveRead(LoadedImage image, QuizAnswer answer, String note, java.util.function.Consumer<String> done) {
        if (log == null || log.state() != LogService.State.READY) {
            done.accept("Reads are not being saved: the patient log is not open.");
            return;
        }
        log.write(l -> {
            long id = l.images().registerFile(image.source(), image.format(), image.acquisitionDate().orElse(null)).id();
            return l.reads().add(ReadRecord.draft(id, answer.read(), answer.confidence(), false, note));
        }, r -> done.accept(null), problem -> done.accept("The read was not saved: " + problem));
    }

    /** Logs the AI run shown at a reveal (the logger honours the "log AI runs" preference). */
    void logAiRun(LoadedImage image, Explanation x) {
        if (aiLogger == null || image == null) {
            return;
        }
        var a = x.analysis();
        GradCamInfo gradCam = a.heatmap() == null ? null : new GradCamInfo(a.heatmap().className(),
                style.describe());
        aiLogger.log(image, a.model().metadata().name(), a.model().file(), a.prediction().classes(),
                a.prediction().probabilities(), gradCam, Math.round(a.prediction().millis() + a.gradCamMillis()));
    }
}
