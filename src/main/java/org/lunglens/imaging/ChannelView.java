package org.lunglens.imaging;

/** One single-band view of an image: a colour channel, luminance, or a view derived to help a reader. */
public enum ChannelView {
    RED("Red", false),
    GREEN("Green", false),
    BLUE("Blue", false),
    LUMINANCE("Luminance", false),
    /** Contrast-limited adaptive histogram equalisation: local contrast in dense and lucent regions alike. */
    CLAHE("CLAHE", true),
    /** Unsharp mask: fine detail (lines, nodule edges) boosted, in the image's own units. */
    UNSHARP("Unsharp mask", false),
    /** Sobel gradient magnitude: where the boundaries are. */
    EDGES("Edges", true);

    private final String label;
    private final boolean ownScale;

    ChannelView(String label, boolean ownScale) {
        this.label = label;
        this.ownScale = ownScale;
    }

    public String label() {
        return label;
    }

    /**
     * True when the view's values are on a scale of their own (equalised levels, gradient strength)
     * so the image's window does not apply and the view is shown over its full range.
     */
    public boolean hasOwnScale() {
        return ownScale;
    }

    public boolean isColourChannel() {
        return this == RED || this == GREEN || this == BLUE;
    }

    @Override
    public String toString() {
        return label;
    }
}
