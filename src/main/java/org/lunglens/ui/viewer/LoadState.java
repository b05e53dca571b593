package org.lunglens.ui.viewer;

/** Where the viewer stands with its current file; the view renders each state in one place. */
public enum LoadState {
    EMPTY, LOADING, LOADED, FAILED
}
