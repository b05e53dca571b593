package org.lunglens.ui;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** The process's memory as Linux reports it in /proc/self/status, for the probes' lines. */
final class ProcessMemory {
    private ProcessMemory() {
    }

    /** Resident memory now. */
    static String residentMb() {
        return statusMb("VmRSS:");
    }

    /** The most resident memory so far. */
    static String peakResidentMb() {
        return statusMb("VmHWM:");
    }

    /** A field of /proc/self/status in MB; "?" where there is none (not Linux: the scripts fall back to time -v). */
    private static String statusMb(String field) {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
                if (line.startsWith(field)) {
                    return Long.toString(Long.parseLong(line.replaceAll("\\D", "")) / 1024);
                }
            }
        } catch (IOException | RuntimeException e) {
            // Not Linux
        }
        return "?";
    }
}
