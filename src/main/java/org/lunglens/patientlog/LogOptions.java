package org.lunglens.patientlog;

import java.time.Clock;
import java.time.Duration;
import java.util.Objects;

/**
 * How a {@link PatientLog} is opened.
 *
 * @param user        the OS user recorded with every change
 * @param busyTimeout how long a write waits for another process's transaction before giving up
 * @param clock       the source of timestamps stored by the app (tests pin it)
 */
public record LogOptions(String user, Duration busyTimeout, Clock clock) {
    /** Long enough for another process's commit, short enough that a stuck lock is reported. */
    public static final Duration DEFAULT_BUSY_TIMEOUT = Duration.ofSeconds(10);

    public LogOptions {
        Objects.requireNonNull(user, "user");
        Objects.requireNonNull(busyTimeout, "busyTimeout");
        Objects.requireNonNull(clock, "clock");
    }

    public static LogOptions defaults() {
        return new LogOptions(System.getProperty("user.name", "unknown"), DEFAULT_BUSY_TIMEOUT, Clock.systemUTC());
    }

    public LogOptions withUser(String newUser) {
        return new LogOptions(newUser, busyTimeout, clock);
    }

    public LogOptions withBusyTimeout(Duration timeout) {
        return new LogOptions(user, timeout, clock);
    }
}
