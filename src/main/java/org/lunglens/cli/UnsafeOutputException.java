package org.lunglens.cli;

/**
 * An output option names a file that must not be replaced (an input, the patient log, the model, or an existing
 * file this command did not write). A usage error: exit code 2, nothing written.
 */
final class UnsafeOutputException extends Exception {
    private static final long serialVersionUID = 1L;

    UnsafeOutputException(String message) {
        super(message);
    }
}
