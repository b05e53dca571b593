package org.lunglens.imaging;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Decodes running at once share one memory pool: a second large decode waits for the first (issue 25, item 4). */
@Timeout(30)
class DecodeMemoryTest {
    @Test
    void aDecodeAsLargeAsThePoolWaitsUntilTheOtherIsDone() throws Exception {
        CompletableFuture<Void> second;
        try (DecodeMemory.Lease first = DecodeMemory.reserve(Long.MAX_VALUE)) {
            second = CompletableFuture.runAsync(() -> {
                try (DecodeMemory.Lease lease = DecodeMemory.reserve(Long.MAX_VALUE)) {
                    assertThat(lease.mb()).isEqualTo(first.mb());
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            });
            try {
                second.get(300, TimeUnit.MILLISECONDS);
                throw new AssertionError("the second decode ran while the first held the whole pool");
            } catch (TimeoutException expected) {
                // still waiting, as it should
            }
        }
        second.get(10, TimeUnit.SECONDS);
    }

    @Test
    void smallDecodesRunTogether() throws Exception {
        try (DecodeMemory.Lease a = DecodeMemory.reserve(1 << 20); DecodeMemory.Lease b = DecodeMemory.reserve(1 << 20)) {
            assertThat(a.mb() + b.mb()).isEqualTo(2);
        }
    }
}
