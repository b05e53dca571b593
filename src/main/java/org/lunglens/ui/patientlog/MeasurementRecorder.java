package org.lunglens.ui.patientlog;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import org.lunglens.app.AnalysedFilm;
import org.lunglens.app.AnalysisRecorder;
import org.lunglens.imaging.LoadedImage;
import org.lunglens.measure.Measurement;
import org.lunglens.measure.MeasurementCodec;
import org.lunglens.measure.MeasurementStore;
import org.lunglens.patientlog.FileFingerprint;
import org.lunglens.patientlog.ImageRecord;
import org.lunglens.patientlog.MeasurementRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps the viewer's measurements in the patient log, per image (found by the SHA-256 of its bytes; a measured film
 * not yet in the log is registered). Removing archives; undoing a removal restores. While the log is unavailable
 * nothing is kept and the viewer's measurements last until another film is shown; a failed write goes to the
 * problem handler (the log pane's message).
 */
public final class MeasurementRecorder implements MeasurementStore {
    private static final Logger LOG = LoggerFactory.getLogger(MeasurementRecorder.class);

    private final PatientLogService service;
    private final Consumer<String> onProblem;
    private final AnalysisRecorder recorder = new AnalysisRecorder();

    public MeasurementRecorder(PatientLogService service, Consumer<String> onProblem) {
        this.service = service;
        this.onProblem = onProblem;
    }

    @Override
    public void load(LoadedImage image, Consumer<List<Measurement>> found) {
        if (!ready()) {
            found.accept(List.of());
            return;
        }
        service.read(log -> {
            var known = log.images().findBySha256(FileFingerprint.of(image.source()).sha256());
            return known.isEmpty() ? List.<MeasurementRecord>of() : log.measurements().forImage(known.get().id(), false);
        }, records -> found.accept(toMeasurements(records)), problem -> {
            onProblem.accept("The film's measurements could not be read from the log: " + problem);
            found.accept(List.of());
        });
    }

    @Override
    public void add(LoadedImage image, Measurement m, String valueText) {
        if (!ready()) {
            return;
        }
        AnalysedFilm film = AnalysedFilm.of(image);
        service.write(log -> {
            ImageRecord registered = recorder.register(log, film);
            return log.measurements().add(registered.id(), m.uid(), m.kind().stored(), MeasurementCodec.geometry(m),
                    valueText);
        }, done -> { }, problem -> onProblem.accept("The measurement was not saved in the log: " + problem));
    }

    @Override
    public void setRemoved(LoadedImage image, Measurement m, boolean removed) {
        if (!ready()) {
            return;
        }
        service.write(log -> log.measurements().setArchived(m.uid(), removed), done -> { },
                problem -> onProblem.accept("The log did not take the change: " + problem));
    }

    private boolean ready() {
        return service.state() == PatientLogService.State.READY;
    }

    private static List<Measurement> toMeasurements(List<MeasurementRecord> records) {
        List<Measurement> out = new ArrayList<>();
        for (MeasurementRecord r : records) {
            try {
                out.add(MeasurementCodec.read(r.uid(), r.kind(), r.geometryJson()));
            } catch (IllegalArgumentException e) {
                // One unreadable row (a newer LungLens's kind, say) must not hide the others
                LOG.warn("Measurement {} left out: {}", r.uid(), e.getMessage());
            }
        }
        return out;
    }
}
