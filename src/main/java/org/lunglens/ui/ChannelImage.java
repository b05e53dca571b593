package org.lunglens.ui;

import org.lunglens.imaging.PixelData;
import org.lunglens.imaging.Window;

/** A computed channel view: its pixels, and its own window when the image's window does not apply. */
record ChannelImage(PixelData pixels, Window ownWindow) {
}
