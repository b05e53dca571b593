package org.lunglens.ui;

import java.io.File;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import javafx.application.Platform;
import javafx.geometry.Pos;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.SplitPane;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import javafx.scene.input.TransferMode;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import org.controlsfx.control.StatusBar;
import org.lunglens.imaging.ChannelView;
import org.lunglens.imaging.LoadedImage;
import org.lunglens.imaging.PixelReadout;
import org.lunglens.imaging.ViewTransform;
import org.lunglens.imaging.WindowPreset;
import org.lunglens.ui.ai.AiPane;
import org.lunglens.ui.ai.AiSettings;
import org.lunglens.ui.common.BackgroundWork;
import org.lunglens.ui.common.Styles;
import org.lunglens.ui.viewer.ChannelCache;
import org.lunglens.ui.viewer.ChannelGrid;
import org.lunglens.ui.viewer.ChannelsPane;
import org.lunglens.ui.viewer.ComparePane;
import org.lunglens.ui.viewer.DisplayPane;
import org.lunglens.ui.viewer.ImageOpener;
import org.lunglens.ui.viewer.ImageViewer;
import org.lunglens.ui.viewer.InfoPane;
import org.lunglens.ui.viewer.LoadState;
import org.lunglens.ui.viewer.MeasureTools;
import org.lunglens.ui.viewer.RecentFiles;
import org.lunglens.ui.viewer.StudyBrowser;
import org.lunglens.ui.viewer.ViewerModel;
import org.lunglens.ui.viewer.ViewerToolBar;

/**
 * The main window: study browser (left), viewer or channel grid (centre), side tabs (right: "Display",
 * "Channels", "Info", "AI"; the patient log pane is added to {@link #sideTabs()}), status bar, banner.
 */
public final class MainWindow {
    private final ViewerModel model = new ViewerModel();
    private final BackgroundWork work;
    private final ImageOpener opener;
    private final ChannelCache channels;
    private final ImageViewer viewer;
    private final ChannelGrid grid;
    private final StudyBrowser browser;
    private final ComparePane compare;
    private final javafx.beans.property.BooleanProperty twoFilms = new javafx.beans.property.SimpleBooleanProperty();
    private final TabPane sideTabs = new TabPane();
    /** Narrowest side panel that still shows all six tab headers (measured at 1024x768). */
    static final double SIDE_MIN_WIDTH = 360;
    static final int PRESENTER_FONT_PX = 17;
    private final javafx.beans.property.BooleanProperty presenterScale =
            new javafx.beans.property.SimpleBooleanProperty(false);
    private final StatusBar status = new StatusBar();
    private final Label zoomLabel = new Label();
    private final Shortcuts shortcuts = new Shortcuts();
    private final HelpOverlay help;
    private final StackPane root;
    private final AiPane ai;
    private final MeasureTools measure;

    public MainWindow(BackgroundWork work, RecentFiles recent) {
        this(work, recent, java.util.prefs.Preferences.userRoot().node("org/lunglens/ai"));
    }

    /** @param aiPrefs where the AI tab keeps its choices (tests pass a throw-away node) */
    public MainWindow(BackgroundWork work, RecentFiles recent, java.util.prefs.Preferences aiPrefs) {
        this.work = work;
        this.opener = new ImageOpener(model, work);
        this.channels = new ChannelCache(work);
        this.viewer = new ImageViewer(model, work);
        viewer.setId("mainViewer");
        this.grid = new ChannelGrid(model, work, channels, status::setText);
        this.compare = new ComparePane(model, work);
        this.browser = new StudyBrowser(work, recent, this::openOnSelectedSide);
        this.ai = new AiPane(model, viewer, work, new AiSettings(aiPrefs));
        this.measure = new MeasureTools(model, viewer);
        defineShortcuts();
        this.help = new HelpOverlay(shortcuts);
        HBox films = new HBox(2, viewer);
        HBox.setHgrow(viewer, javafx.scene.layout.Priority.ALWAYS);
        HBox.setHgrow(compare, javafx.scene.layout.Priority.ALWAYS);
        // Equal halves: the free width is shared evenly on top of the preferred widths, so make those zero
        viewer.setPrefWidth(0);
        compare.setPrefWidth(0);
        viewer.setMaxWidth(Double.MAX_VALUE);
        compare.setMaxWidth(Double.MAX_VALUE);
        twoFilms.addListener((o, was, on) -> showTwoFilms(films, on));
        javafx.beans.InvalidationListener mark = o -> Styles.setState(viewer, "selected",
                twoFilms.get() && !compare.selectedProperty().get());
        twoFilms.addListener(mark);
        compare.selectedProperty().addListener(mark);
        // A click on a side chooses where the next film from the study list opens
        viewer.addEventFilter(javafx.scene.input.MouseEvent.MOUSE_PRESSED, e -> compare.selectedProperty().set(false));
        compare.addEventFilter(javafx.scene.input.MouseEvent.MOUSE_PRESSED, e -> compare.selectedProperty().set(true));
        StackPane centre = new StackPane(films, grid);
        grid.visibleProperty().bind(model.gridModeProperty());
        ViewerToolBar toolBar = new ViewerToolBar(model, this::actualSize, this::toggleHelp, twoFilms);
        toolBar.getChildren().add(0, measure.menu());
        VBox centreBox = new VBox(toolBar, centre);
        VBox.setVgrow(centre, javafx.scene.layout.Priority.ALWAYS);
        sideTabs.setId("sideTabs");
        // Every tab's header in sight at 1024 px: a tab in the overflow menu is a tab nobody finds
        sideTabs.setMinWidth(SIDE_MIN_WIDTH);
        sideTabs.setTabClosingPolicy(TabPane.TabClosingPolicy.UNAVAILABLE);
        sideTabs.getTabs().addAll(tab("Display", new DisplayPane(model)), tab("Channels", new ChannelsPane(model)),
                tab("Info", new InfoPane(model)), tab("AI", ai));
        SplitPane split = new SplitPane(browser, centreBox, sideTabs);
        split.setDividerPositions(0.16, 0.77);
        SplitPane.setResizableWithParent(browser, false);
        SplitPane.setResizableWithParent(sideTabs, false);
        BorderPane layout = new BorderPane(split);
        layout.setTop(banner());
        layout.setBottom(status);
        root = new StackPane(layout, help);
        presenterScale.addListener((o, was, on) -> root.setStyle(on ? "-fx-font-size: " + PRESENTER_FONT_PX + "px;" : ""));
        installStatus();
        installDragAndDrop();
        model.imageProperty().addListener((o, old, img) -> showImage(img));
        model.channelProperty().addListener((o, old, ch) -> showImage(model.image()));
        model.stateProperty().addListener((o, old, s) -> showState(s));
        showState(model.stateProperty().get());
    }

    /** Attaches the window's shortcuts; call once the root is in its scene. */
    public void install(Scene scene) {
        shortcuts.install(scene);
    }

    public Parent root() {
        return root;
    }

    /** Opens files or folders: they join the study list and the first one is shown. */
    public void open(List<Path> paths) {
        browser.addAndOpen(paths);
    }

    /** Moves to the next ({@code 1}) or previous ({@code -1}) study of the browser, as Page Down / Up do. */
    public void step(int delta) {
        browser.step(delta);
    }

    public ViewerModel model() {
        return model;
    }

    public ImageViewer viewer() {
        return viewer;
    }

    public ChannelGrid channelGrid() {
        return grid;
    }

    /** The two-film layout (1x2, key D): the main film and a second one, zoom, pan and window linked. */
    public javafx.beans.property.BooleanProperty twoFilmsProperty() {
        return twoFilms;
    }

    public ComparePane comparePane() {
        return compare;
    }

    private void showTwoFilms(HBox films, boolean on) {
        if (on) {
            compare.selectedProperty().set(true);
            films.getChildren().setAll(viewer, compare);
        } else {
            films.getChildren().setAll(viewer);
        }
    }

    /** A film chosen in the study list: the selected side in the two-film layout, else the main viewer. */
    private void openOnSelectedSide(Path file) {
        if (twoFilms.get() && compare.selectedProperty().get()) {
            compare.open(file);
        } else {
            opener.open(file);
        }
    }

    /** Larger text everywhere, for a projector (key P). */
    public javafx.beans.property.BooleanProperty presenterScaleProperty() {
        return presenterScale;
    }

    /** The viewer's measurements: hook a store in with {@link MeasureTools#setStore}. */
    public MeasureTools measurements() {
        return measure;
    }

    public TabPane sideTabs() {
        return sideTabs;
    }

    /** The AI tab: hook the patient log in with {@link AiPane#setOnAnalysis}. */
    public AiPane aiPane() {
        return ai;
    }

    public StatusBar statusBar() {
        return status;
    }

    private static Tab tab(String name, javafx.scene.Node content) {
        ScrollPane scroll = new ScrollPane(content);
        scroll.setFitToWidth(true);
        Tab t = new Tab(name, scroll);
        t.setId("tab" + name);
        return t;
    }

    private static Label banner() {
        Label b = new Label("NOT FOR CLINICAL USE \u2014 teaching and research only; not a medical device.");
        b.setId("clinicalBanner");
        b.setMaxWidth(Double.MAX_VALUE);
        b.setAlignment(Pos.CENTER);
        b.getStyleClass().add("clinical-banner");
        return b;
    }

    private void showImage(LoadedImage img) {
        ChannelView ch = model.channelProperty().get();
        if (img == null || ch == null) {
            viewer.setSource(img == null ? null : img.pixels(), null);
            return;
        }
        viewer.setMessage("Computing " + ch.label() + " ...");
        channels.request(img.pixels(), views -> {
            if (model.image() == img && model.channelProperty().get() == ch) {
                viewer.setMessage("");
                viewer.setSource(views.get(ch).pixels(), views.get(ch).ownWindow());
            }
        });
    }

    private void showState(LoadState s) {
        switch (s) {
            case EMPTY, FAILED -> viewer.setMessage(model.messageProperty().get());
            case LOADING -> {
                if (model.image() == null) {
                    viewer.setMessage(model.messageProperty().get());
                }
            }
            case LOADED -> viewer.setMessage("");
        }
        if (s == LoadState.FAILED) {
            viewer.setSource(null, null);
            status.setText(model.messageProperty().get().replace("\n\n", ": "));
        }
    }

    private void installStatus() {
        status.setId("statusBar");
        status.setText("Ready");
        status.progressProperty().bind(work.progressProperty());
        zoomLabel.setId("zoomLabel");
        Label task = new Label();
        task.textProperty().bind(work.titleProperty());
        status.getRightItems().addAll(task, zoomLabel);
        viewer.transformProperty().addListener((o, old, t) -> zoomLabel.setText(
                t == null ? "" : String.format(Locale.ROOT, "Zoom %.0f %%", t.scale() * 100)));
        viewer.hoveredPixelProperty().addListener((o, old, p) -> showReadout());
        // Page Down under a still mouse: the pixel is the same, the image is not (16-bit then 8-bit, say)
        // (after the viewer has taken the new image: its listener may run after this one)
        model.imageProperty().addListener((o, old, img) -> Platform.runLater(this::showReadout));
        model.channelProperty().addListener((o, old, ch) -> Platform.runLater(this::showReadout));
    }

    private void showReadout() {
        int[] p = viewer.hoveredPixelProperty().get();
        LoadedImage img = model.image();
        if (p != null && img != null && viewer.source() != null && p[0] >= 0 && p[1] >= 0
                && p[0] < img.pixels().width() && p[1] < img.pixels().height()) {
            ChannelView ch = model.channelProperty().get();
            status.setText(PixelReadout.describe(img.pixels(), img.valueScale(), ch == null ? null : viewer.source(), ch,
                    p[0], p[1]));
        }
    }

    private void installDragAndDrop() {
        root.setOnDragOver(e -> {
            if (e.getDragboard().hasFiles()) {
                e.acceptTransferModes(TransferMode.COPY);
            }
            e.consume();
        });
        root.setOnDragDropped(e -> {
            boolean ok = e.getDragboard().hasFiles();
            if (ok) {
                open(e.getDragboard().getFiles().stream().map(File::toPath).toList());
            }
            e.setDropCompleted(ok);
            e.consume();
        });
    }

    private void actualSize() {
        model.actualSize(viewer.fitScale());
    }

    private void toggleHelp() {
        help.toggle();
    }

    private static KeyCombination key(KeyCode code, KeyCombination.Modifier... m) {
        return new KeyCodeCombination(code, m);
    }

    private void defineShortcuts() {
        KeyCombination.Modifier shift = KeyCombination.SHIFT_DOWN;
        KeyCombination.Modifier ctrl = KeyCombination.SHORTCUT_DOWN;
        double pan = 60;
        shortcuts.add("Ctrl+O", "Open files", browser::chooseFiles, key(KeyCode.O, ctrl))
                .add("Ctrl+Shift+O", "Open a folder", browser::chooseFolder, key(KeyCode.O, ctrl, shift))
                .add("Page Up / Down", "Previous / next study", () -> step(-1), key(KeyCode.PAGE_UP))
                .add("", "", () -> step(1), key(KeyCode.PAGE_DOWN))
                .add("+ / -", "Zoom in / out", () -> model.zoomBy(1.25), key(KeyCode.PLUS), key(KeyCode.ADD),
                        key(KeyCode.EQUALS), key(KeyCode.EQUALS, shift), key(KeyCode.PLUS, shift))
                .add("", "", () -> model.zoomBy(1 / 1.25), key(KeyCode.MINUS), key(KeyCode.SUBTRACT))
                .add("F", "Fit to window", model::fit, key(KeyCode.F))
                .add("1", "Actual pixels (1:1)", this::actualSize, key(KeyCode.DIGIT1), key(KeyCode.NUMPAD1))
                .add("Arrows", "Pan", () -> panBy(pan, 0), key(KeyCode.LEFT))
                .add("", "", () -> panBy(-pan, 0), key(KeyCode.RIGHT))
                .add("", "", () -> panBy(0, pan), key(KeyCode.UP))
                .add("", "", () -> panBy(0, -pan), key(KeyCode.DOWN))
                .add("F2 F3 F4 F5", "Window: full range, auto, lung, bone",
                        () -> model.applyPreset(WindowPreset.FULL), key(KeyCode.F2))
                .add("", "", () -> model.applyPreset(WindowPreset.AUTO), key(KeyCode.F3))
                .add("", "", () -> model.applyPreset(WindowPreset.LUNG), key(KeyCode.F4))
                .add("", "", () -> model.applyPreset(WindowPreset.BONE), key(KeyCode.F5))
                .add("I", "Invert", model::toggleInvert, key(KeyCode.I))
                .add("R / Shift+R", "Rotate 90\u00b0 clockwise / counter-clockwise", () -> model.rotate(1),
                        key(KeyCode.R))
                .add("", "", () -> model.rotate(-1), key(KeyCode.R, shift))
                .add("H / V", "Flip left-right / top-bottom", model::flipHorizontally, key(KeyCode.H))
                .add("", "", model::flipVertically, key(KeyCode.V))
                .add("Home", "Reset window, zoom and orientation", model::reset, key(KeyCode.HOME))
                .add("C", "Channel grid on / off", () -> model.gridModeProperty().set(!model.gridModeProperty().get()),
                        key(KeyCode.C))
                .add("G", "Grad-CAM heatmap on / off", ai::toggleOverlay, key(KeyCode.G))
                .add("D", "Two films side by side (1x2), zoom, pan and window linked", () -> twoFilms.set(!twoFilms.get()),
                        key(KeyCode.D))
                .add("P", "Presenter scale (larger text for a projector) on / off",
                        () -> presenterScale.set(!presenterScale.get()), key(KeyCode.P))
                .add("F1 or ?", "This help", this::toggleHelp, key(KeyCode.F1), key(KeyCode.SLASH, shift),
                        new javafx.scene.input.KeyCharacterCombination("?", KeyCombination.SHIFT_ANY))
                .add("Ctrl+Z", "Undo the last measurement added or removed", measure::undo, key(KeyCode.Z, ctrl))
                .add("Delete", "Remove the selected measurement", measure::removeSelected, key(KeyCode.DELETE),
                        key(KeyCode.BACK_SPACE))
                .add("Esc", "Close help; stop measuring (pan again)", this::escape, key(KeyCode.ESCAPE));
    }

    private void escape() {
        help.setVisible(false);
        measure.cancel();
    }

    private void panBy(double dx, double dy) {
        ViewTransform t = viewer.transformProperty().get();
        if (t != null) {
            model.panByScreen(dx, dy, t);
        }
    }
}
