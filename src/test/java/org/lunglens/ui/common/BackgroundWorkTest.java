package org.lunglens.ui.common;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import javafx.application.Platform;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.lunglens.app.BackgroundTask;
import org.lunglens.app.TaskExecutor.Lane;
import org.lunglens.app.TaskHandle;
import org.lunglens.ui.FxTestSupport;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/** The app's executor: results come back on the FX thread, and a cancelled task calls back nothing. */
@ExtendWith(ApplicationExtension.class)
class BackgroundWorkTest {
    private final BackgroundWork work = new BackgroundWork();
    private final List<String> seen = new CopyOnWriteArrayList<>();

    @Start
    void start(Stage stage) {
        stage.show();
    }

    @AfterEach
    void stop() {
        work.shutdown();
    }

    @Test
    void resultsAndProgressArriveOnTheFxThread(FxRobot robot) throws Exception {
        robot.interact(() -> work.execute(Lane.COMPUTE, BackgroundTask.of("sum", c -> {
            c.progress(1, 2);
            seen.add("worker on FX thread: " + Platform.isFxApplicationThread());
            return 42;
        }).onProgress((done, total, message) -> seen.add("progress on FX thread: " + Platform.isFxApplicationThread()))
                .onSuccess(v -> seen.add("result " + v + " on FX thread: " + Platform.isFxApplicationThread()))));

        FxTestSupport.await(10, () -> seen.stream().anyMatch(s -> s.startsWith("result")));
        assertThat(seen).contains("worker on FX thread: false", "result 42 on FX thread: true")
                .allMatch(s -> !s.startsWith("progress") || s.endsWith("true"));
    }

    @Test
    void aCancelledTaskCallsBackNothingEvenWhenItsWorkFinished(FxRobot robot) throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        TaskHandle[] handle = new TaskHandle[1];
        robot.interact(() -> handle[0] = work.execute(Lane.LOAD, BackgroundTask.of("slow film", c -> {
            release.await(10, TimeUnit.SECONDS);
            return "old film";
        }).onSuccess(seen::add).onFailure(t -> seen.add("failure"))));
        robot.interact(() -> handle[0].cancel());
        release.countDown();
        robot.interact(() -> work.execute(Lane.LOAD, BackgroundTask.of("next film", c -> "new film")
                .onSuccess(seen::add)));

        FxTestSupport.await(10, () -> seen.contains("new film"));
        assertThat(seen).containsExactly("new film");
        assertThat(handle[0].isCancelled()).isTrue();
    }

    @Test
    void aFailureReachesOnlyTheFailureCallback(FxRobot robot) throws Exception {
        robot.interact(() -> work.execute(Lane.COMPUTE, BackgroundTask.<String>of("broken", c -> {
            throw new IllegalStateException("no such film");
        }).onSuccess(seen::add).onFailure(t -> seen.add("failed: " + t.getMessage()))));

        FxTestSupport.await(10, () -> !seen.isEmpty());
        assertThat(seen).containsExactly("failed: no such film");
    }
}
