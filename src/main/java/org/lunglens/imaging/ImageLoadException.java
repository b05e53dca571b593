package org.lunglens.imaging;

/** An image could not be opened; the message says why in words a user can act on. */
public class ImageLoadException extends Exception {
    private static final long serialVersionUID = 1L;

    public ImageLoadException(String message) {
        super(message);
    }

    public ImageLoadException(String message, Throwable cause) {
        super(message, cause);
    }
}
