package org.lunglens.ui.teaching;

import java.nio.file.Path;
import java.util.function.BiConsumer;
import org.lunglens.app.AnalysedFilm;
import org.lunglens.app.AnalysisRecorder;
import org.lunglens.app.BackgroundTask;
import org.lunglens.app.TaskExecutor;
import org.lunglens.explain.Explanation;
import org.lunglens.gradcam.ModelSession;
import org.lunglens.gradcam.OverlayStyle;
import org.lunglens.imaging.ImageLoader;
import org.lunglens.imaging.LoadedImage;
import org.lunglens.model.BundledModels;
import org.lunglens.model.ModelLoadException;
import org.lunglens.patientlog.GradCamInfo;
import org.lunglens.patientlog.ReadRecord;
import org.lunglens.teaching.QuizAnswer;
import org.lunglens.ui.common.BackgroundWork;
import org.lunglens.ui.patientlog.AiRunRecorder;
import org.lunglens.ui.patientlog.PatientLogService;
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
    private final PatientLogService log;
    private final AiRunRecorder aiRuns;
    private final String modelFile;
    private final OverlayStyle style;
    private final AnalysisRecorder recorder = new AnalysisRecorder();

    QuizWork(BackgroundWork work, PatientLogService log, AiRunRecorder aiRuns, String modelFile, OverlayStyle style) {
        this.work = work;
        this.log = log;
        this.aiRuns = aiRuns;
        this.modelFile = modelFile;
        this.style = style;
    }

    BackgroundWork work() {
        return work;
    }

    void loadFilm(Path file, BiConsumer<LoadedImage, String> done) {
        work.execute(TaskExecutor.Lane.LOAD, BackgroundTask.of("Loading " + file.getFileName(),
                c -> new ImageLoader().load(file)).onSuccess(image -> done.accept(image, null))
                .onFailure(problem -> done.accept(null, file.getFileName() + ": " + problem.getMessage())));
    }

    /** The explanation, or the reason there is none (no model, unreadable film). */
    void explain(Path file, BiConsumer<Explanation, String> done) {
        work.inference().submit("AI: " + file.getFileName(), (models, c) -> {
            ModelSession session = models.get(BundledModels.require(modelFile));
            return Explanation.of(session, new ImageLoader().load(file).pixels(), style, MIN_SIDE);
        }, x -> done.accept(x, null), t -> {
            if (!(t instanceof ModelLoadException)) {
                LOG.error("Explaining {} failed", file, t);
            }
            done.accept(null, t.getMessage());
        });
    }

    /** Stores the read as made before the AI was shown; {@code done} gets null or the problem. */
    void saveRead(LoadedImage image, QuizAnswer answer, String note, java.util.function.Consumer<String> done) {
        if (log == null || log.state() != PatientLogService.State.READY) {
            done.accept("Reads are not being saved: the patient log is not open.");
            return;
        }
        log.write(l -> {
            long id = recorder.register(l, AnalysedFilm.of(image)).id();
            return l.reads().add(ReadRecord.draft(id, answer.read(), answer.confidence(), false, note)
                    .from(ReadRecord.Source.QUIZ));
        }, r -> done.accept(null), problem -> done.accept("The read was not saved: " + problem));
    }

    /** Logs the AI run shown at a reveal (the logger honours the "log AI runs" preference). */
    void logAiRun(LoadedImage image, Explanation x) {
        if (aiRuns == null || image == null) {
            return;
        }
        var a = x.analysis();
        GradCamInfo gradCam = a.heatmap() == null ? null : new GradCamInfo(a.heatmap().className(),
                style.describe());
        aiRuns.record(image, a.model().metadata().name(), a.model().file(), a.prediction().scores(),
                a.prediction().familiarity(), gradCam,
                Math.round(a.prediction().millis() + a.gradCamMillis()));
    }
}
