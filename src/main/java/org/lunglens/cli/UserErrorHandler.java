package org.lunglens.cli;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine;

/**
 * Turns an exception escaping a command into one line on stderr and exit code 1 (2 for an output that would
 * replace an input, the log or a file LungLens did not write: a usage error, nothing was done); the stack trace
 * goes to the log at debug level, never to the user's terminal.
 */
final class UserErrorHandler implements CommandLine.IExecutionExceptionHandler {
    private static final Logger LOG = LoggerFactory.getLogger(UserErrorHandler.class);

    @Override
    public int handleExecutionException(Exception e, CommandLine cmd, CommandLine.ParseResult parsed) {
        LOG.debug("Command failed", e);
        String message = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        cmd.getErr().println("lunglens: " + message);
        return e instanceof UnsafeOutputException ? 2 : 1;
    }
}
