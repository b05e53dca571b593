package org.lunglens.ui;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.BooleanSupplier;
import javafx.scene.Scene;
import javafx.stage.Stage;
import org.lunglens.ui.common.Styles;
import org.testfx.util.WaitForAsyncUtils;

/** What the headless UI tests share: showing a main window, and waiting for background work to show. */
public final class FxTestSupport {
    private FxTestSupport() {
    }

    /** Shows the window in {@code stage} with its shortcuts installed, as the app does. */
    public static void show(Stage stage, MainWindow window, int width, int height) {
        Scene scene = Styles.scene(window.root(), width, height);
        window.install(scene);
        stage.setScene(scene);
        stage.show();
    }

    /**
     * Waits up to {@code seconds} for {@code condition}, checked after the FX thread has caught up each time,
     * then lets it catch up once more so the test reads a settled scene.
     */
    public static void await(int seconds, BooleanSupplier condition) throws TimeoutException {
        WaitForAsyncUtils.waitFor(seconds, TimeUnit.SECONDS, () -> {
            WaitForAsyncUtils.waitForFxEvents();
            return condition.getAsBoolean();
        });
        WaitForAsyncUtils.waitForFxEvents();
    }
}
