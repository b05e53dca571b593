package org.lunglens.gradcam;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;

class NetworkLanesTest {
    @Test
    void keepsEachIndexOnItsLaneAndTheResultsInOrder() {
        NetworkLanes lanes = new NetworkLanes(5, 2);
        Thread caller = Thread.currentThread();
        for (int run = 0; run < 3; run++) {
            List<Thread> threads = lanes.map(5, i -> Thread.currentThread());
            // Lane 0 is the caller; lane 1 is one other thread, the same for indices 1 and 3
            assertThat(threads.get(0)).isSameAs(caller);
            assertThat(threads.get(2)).isSameAs(caller);
            assertThat(threads.get(4)).isSameAs(caller);
            assertThat(threads.get(1)).isNotSameAs(caller).isSameAs(threads.get(3));
            assertThat(threads.get(1).getName()).isEqualTo("lunglens-network-lane-1");
            assertThat(lanes.map(5, i -> i * 10)).containsExactly(0, 10, 20, 30, 40);
        }
    }

    @Test
    void neverMoreLanesThanNetworksAndOneRunsOnTheCaller() {
        assertThat(new NetworkLanes(2, 16).lanes()).isEqualTo(2);
        assertThat(new NetworkLanes(3, 0).lanes()).isEqualTo(1);
        NetworkLanes one = new NetworkLanes(3, 1);
        Thread caller = Thread.currentThread();
        assertThat(one.map(3, i -> Thread.currentThread())).containsOnly(caller);
    }

    @Test
    void aFailureOnAnotherLaneReachesTheCallerAsItIs() {
        NetworkLanes lanes = new NetworkLanes(2, 2);
        IllegalStateException failure = new IllegalStateException("network 1 failed");
        assertThatThrownBy(() -> lanes.map(2, i -> {
            if (i == 1) {
                throw failure;
            }
            return i;
        })).isSameAs(failure);
    }

    @Test
    void aFailureOnTheCallersLaneWaitsForTheOtherLanesBeforeItIsThrown() {
        NetworkLanes lanes = new NetworkLanes(2, 2);
        AtomicBoolean otherLaneDone = new AtomicBoolean();
        assertThatThrownBy(() -> lanes.map(2, i -> {
            if (i == 0) {
                throw new IllegalArgumentException("network 0 failed");
            }
            sleep(150);
            otherLaneDone.set(true);
            return i;
        })).isInstanceOf(IllegalArgumentException.class).hasMessage("network 0 failed");
        // Network 1 is not running any more when the caller sees the failure
        assertThat(otherLaneDone).isTrue();
    }

    @Test
    void anInterruptedCallerStillWaitsForItsLanesAndKeepsTheInterrupt() throws Exception {
        NetworkLanes lanes = new NetworkLanes(2, 2);
        CountDownLatch otherLaneStarted = new CountDownLatch(1);
        AtomicBoolean otherLaneDone = new AtomicBoolean();
        Thread caller = Thread.currentThread();
        List<Integer> results = lanes.map(2, i -> {
            if (i == 1) {
                otherLaneStarted.countDown();
                sleep(200);
                otherLaneDone.set(true);
            } else {
                await(otherLaneStarted);
                caller.interrupt(); // as a cancelled task would be, while lane 1 is still busy
            }
            return i;
        });
        assertThat(Thread.interrupted()).isTrue(); // reads and clears the flag
        assertThat(otherLaneDone).isTrue();
        assertThat(results).containsExactly(0, 1);
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void await(CountDownLatch latch) {
        try {
            assertThat(latch.await(10, TimeUnit.SECONDS)).isTrue();
        } catch (InterruptedException e) {
            throw new IllegalStateException(e);
        }
    }
}
