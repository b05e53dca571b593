package org.lunglens.ui.patientlog;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.lunglens.app.AnalysedFilm;
import org.lunglens.app.AnalysisRecorder;
import org.lunglens.imaging.Histogram;
import org.lunglens.imaging.ImageLoader;
import org.lunglens.imaging.LoadedImage;
import org.lunglens.patientlog.PatientLog;
import org.lunglens.patientlog.ReadRecord;
import org.lunglens.testutil.SharedData;
import org.lunglens.ui.FxTestSupport;
import org.lunglens.ui.viewer.ViewerModel;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/** The log pane's state without its controls: rows follow the search, the history follows the viewer's film. */
@ExtendWith(ApplicationExtension.class)
class PatientLogViewModelTest {
    private static final int WAIT_SECONDS = 20;

    @TempDir
    Path dir;

    private final PatientLogService service = new PatientLogService();

    @Start
    void start(Stage stage) {
        stage.show();
    }

    @AfterEach
    void close() {
        service.close();
    }

    @Test
    void rowsFollowTheSearchAndTheHistoryTheOpenFilm(FxRobot robot) throws Exception {
        Path film = Files.copy(SharedData.samples().resolve("COVID-1.png"), dir.resolve("film.png"));
        Path db = dir.resolve("log.db");
        try (PatientLog log = PatientLog.open(db)) {
            long id = new AnalysisRecorder().register(log, new AnalysedFilm(film, "PNG", null)).id();
            log.reads().add(ReadRecord.draft(id, "COVID", 0.7, false, "ground glass"));
        }
        ViewerModel viewer = new ViewerModel();
        PatientLogViewModel[] state = new PatientLogViewModel[1];
        robot.interact(() -> {
            state[0] = new PatientLogViewModel(service, viewer, new org.lunglens.patientlog.LogSettings(
                    java.util.prefs.Preferences.userRoot().node("org/lunglens/test-vm-" + System.nanoTime())));
            service.open(db);
        });
        FxTestSupport.await(WAIT_SECONDS, () -> state[0].rowsProperty().get().size() == 1);
        assertThat(state[0].fileTextProperty().get()).isEqualTo("Log file: " + db);

        robot.interact(() -> state[0].searchTextProperty().set("no such film"));
        FxTestSupport.await(WAIT_SECONDS, () -> state[0].rowsProperty().get().isEmpty());

        LoadedImage image = new ImageLoader().load(film);
        robot.interact(() -> viewer.show(image, Histogram.of(image.pixels())));
        FxTestSupport.await(WAIT_SECONDS, () -> state[0].openImageHistory() != null);
        assertThat(state[0].historyProperty().get().fileName()).isEqualTo("film.png");
        assertThat(state[0].openImageHistory().reads()).singleElement()
                .satisfies(r -> assertThat(r.text()).isEqualTo("ground glass"));

        robot.interact(() -> state[0].showError("The read was not saved: disk full"));
        assertThat(state[0].messageIsErrorProperty().get()).isTrue();
        robot.interact(() -> state[0].showInfo("Saved."));
        assertThat(state[0].messageIsErrorProperty().get()).isFalse();
        assertThat(state[0].messageProperty().get()).isEqualTo("Saved.");
    }
}
