package org.lunglens.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lunglens.gradcam.ModelSession;
import org.lunglens.testutil.TinyModel;

class InferenceServiceTest {
    @TempDir
    Path dir;

    @Test
    void theLatestRequestWinsAndTheOneBeforeIsDropped() {
        QueuedExecutor executor = new QueuedExecutor();
        InferenceService inference = new InferenceService(executor);
        List<String> shown = new ArrayList<>();

        inference.latest("first film", (m, c) -> "first", shown::add, t -> shown.add("error"));
        inference.latest("second film", (m, c) -> "second", shown::add, t -> shown.add("error"));
        assertThat(inference.busy()).isTrue();
        executor.runAll();

        assertThat(shown).containsExactly("second");
        assertThat(inference.busy()).isFalse();
    }

    @Test
    void submittedWorkAllRunsAndIsNotCancelledByInteractiveRequests() {
        QueuedExecutor executor = new QueuedExecutor();
        InferenceService inference = new InferenceService(executor);
        List<String> done = new ArrayList<>();

        inference.submit("quiz case 1", (m, c) -> "case 1", done::add, t -> done.add("error"));
        inference.latest("open film", (m, c) -> "film", done::add, t -> done.add("error"));
        inference.cancelLatest();
        inference.submit("quiz case 2", (m, c) -> "case 2", done::add, t -> done.add("error"));
        executor.runAll();

        assertThat(done).containsExactly("case 1", "case 2");
    }

    @Test
    void everyJobSharesOneLoadedModelPerFile() throws Exception {
        Path model = TinyModel.write(dir.resolve("tiny.zip"));
        InferenceService inference = new InferenceService(new DirectTaskExecutor());
        List<ModelSession> sessions = new ArrayList<>();

        inference.submit("AI pane", (m, c) -> m.get(model), sessions::add, t -> { });
        inference.submit("quiz", (m, c) -> m.get(dir.resolve("tiny.zip")), sessions::add, t -> { });

        assertThat(sessions).hasSize(2);
        assertThat(sessions.get(1)).as("loaded once, shared").isSameAs(sessions.get(0));
    }

    @Test
    void aFailureReachesTheErrorCallbackOnly() {
        InferenceService inference = new InferenceService(new DirectTaskExecutor());
        List<Throwable> errors = new ArrayList<>();
        List<Object> results = new ArrayList<>();

        inference.submit("missing model", (m, c) -> m.get(dir.resolve("absent.zip")), results::add, errors::add);

        assertThat(results).isEmpty();
        assertThat(errors).singleElement().extracting(Throwable::getMessage).asString().contains("not found");
    }
}
