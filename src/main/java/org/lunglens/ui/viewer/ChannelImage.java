package org.lunglens.ui.viewer;

import org.lunglens.imaging.PixelData;
import org.lunglens.imaging.ValueWindow;

/** A computed channel view: its pixels, and its own window when the image's window does not apply. */
public record ChannelImage(PixelData pixels, ValueWindow ownWindow) {
}
