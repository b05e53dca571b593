package org.lunglens.ui.viewer;

import javafx.geometry.Insets;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Label;
import javafx.scene.control.RadioButton;
import javafx.scene.control.ToggleGroup;
import javafx.scene.layout.VBox;
import org.lunglens.imaging.ChannelView;
import org.lunglens.imaging.ChannelViews;
import org.lunglens.imaging.LoadedImage;

/** The "Channels" tab: which view the main viewport shows, and the grid of all of them. */
public final class ChannelsPane extends VBox {
    private final ToggleGroup group = new ToggleGroup();
    private final Label note = new Label();

    public ChannelsPane(ViewerModel model) {
        super(6);
        setPadding(new Insets(8));
        CheckBox grid = new CheckBox("Show all channels as a grid (C)");
        grid.setId("gridToggle");
        grid.selectedProperty().bindBidirectional(model.gridModeProperty());
        getChildren().addAll(grid, new Label("Main view shows:"));
        RadioButton original = radio("Image as stored", null);
        original.setSelected(true);
        for (ChannelView v : ChannelView.values()) {
            radio(v.label(), v);
        }
        note.setWrapText(true);
        note.getStyleClass().add("channel-note");
        getChildren().add(note);
        group.selectedToggleProperty().addListener((o, old, t) -> {
            if (t != null) {
                model.channelProperty().set((ChannelView) t.getUserData());
            }
        });
        model.channelProperty().addListener((o, old, v) -> group.getToggles().stream()
                .filter(t -> t.getUserData() == v).findFirst().ifPresent(group::selectToggle));
        model.imageProperty().addListener((o, old, img) -> update(img));
        update(null);
    }

    private RadioButton radio(String label, ChannelView view) {
        RadioButton b = new RadioButton(label);
        b.setUserData(view);
        b.setToggleGroup(group);
        b.setId("channelChoice-" + (view == null ? "ORIGINAL" : view.name()));
        getChildren().add(b);
        return b;
    }

    private void update(LoadedImage img) {
        boolean identical = img != null && ChannelViews.channelsIdentical(img.pixels());
        note.setText(img == null ? "" : identical
                ? "Channels identical: this is a grayscale image, so R, G, B and luminance are the same picture."
                : "Colour image: the channels differ.");
        group.getToggles().forEach(t -> {
            ChannelView v = (ChannelView) t.getUserData();
            ((RadioButton) t).setDisable(identical && v != null && v.isColourChannel());
        });
    }
}
