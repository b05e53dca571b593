package org.lunglens.ui.viewer;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.Consumer;
import java.util.stream.Stream;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.geometry.Insets;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.MenuButton;
import javafx.scene.control.MenuItem;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.stage.DirectoryChooser;
import javafx.stage.FileChooser;
import org.lunglens.imaging.NaturalOrder;
import org.lunglens.ui.common.BackgroundWork;

/** The left pane: files and folders opened, with thumbnails; open file, open folder, recent files. */
public final class StudyBrowser extends VBox {
    static final Set<String> EXTENSIONS = Set.of("png", "jpg", "jpeg", "bmp", "dcm", "dicom");

    private final ObservableList<Path> files = FXCollections.observableArrayList();
    private final ListView<Path> list = new ListView<>(files);
    private final MenuButton recent = new MenuButton("Recent");
    private final RecentFiles recentFiles;
    private final Consumer<Path> opener;

    public StudyBrowser(BackgroundWork work, RecentFiles recentFiles, Consumer<Path> opener) {
        super(6);
        this.recentFiles = recentFiles;
        this.opener = opener;
        setId("studyBrowser");
        setPadding(new Insets(6));
        setMinWidth(200);
        Button openFile = new Button("Open");
        openFile.setOnAction(e -> chooseFiles());
        Button openFolder = new Button("Folder");
        openFolder.setOnAction(e -> chooseFolder());
        recent.setId("recentMenu");
        recent.setOnShowing(e -> refreshRecent());
        FlowPane buttons = new FlowPane(4, 4, openFile, openFolder, recent);
        openFile.setTooltip(new javafx.scene.control.Tooltip("Open image files (Ctrl+O)"));
        openFolder.setTooltip(new javafx.scene.control.Tooltip("Open every image in a folder (Ctrl+Shift+O)"));
        list.setId("studyList");
        ThumbnailCache thumbs = new ThumbnailCache(work.thumbnailExecutor());
        list.setCellFactory(v -> {
            ThumbnailCell cell = new ThumbnailCell(thumbs);
            // cells follow the list's width (wrapping long names) instead of widening it
            cell.prefWidthProperty().bind(list.widthProperty().subtract(20));
            return cell;
        });
        list.getSelectionModel().selectedItemProperty().addListener((o, old, path) -> {
            if (path != null) {
                opener.accept(path);
            }
        });
        VBox.setVgrow(list, Priority.ALWAYS);
        Label hint = new Label("Drop files or folders anywhere on the window.");
        hint.setWrapText(true);
        hint.getStyleClass().add("hint");
        getChildren().addAll(new Label("Studies"), buttons, list, hint);
    }

    /** Adds files (folders are expanded to the images they hold) and opens the first one. */
    public void addAndOpen(List<Path> paths) {
        List<Path> added = new ArrayList<>();
        for (Path p : paths) {
            added.addAll(Files.isDirectory(p) ? imagesIn(p) : List.of(p.toAbsolutePath().normalize()));
        }
        for (Path p : added) {
            if (!files.contains(p)) {
                files.add(p);
            }
        }
        if (!added.isEmpty()) {
            select(added.get(0));
        }
    }

    /** Selects (and so opens) a listed file; a file opened from elsewhere is added first. */
    public void select(Path file) {
        Path p = file.toAbsolutePath().normalize();
        if (!files.contains(p)) {
            files.add(p);
        }
        if (p.equals(list.getSelectionModel().getSelectedItem())) {
            opener.accept(p);
        } else {
            list.getSelectionModel().select(p);
        }
        list.scrollTo(p);
        recentFiles.add(p);
    }

    /** Moves the selection by {@code delta} files (Page Up / Page Down). */
    public void step(int delta) {
        if (files.isEmpty()) {
            return;
        }
        int i = list.getSelectionModel().getSelectedIndex();
        int next = Math.max(0, Math.min(files.size() - 1, i + delta));
        select(files.get(next));
    }

    public ObservableList<Path> files() {
        return files;
    }

    /** The folder's own image files (not its sub-folders), in natural order; none when it cannot be listed. */
    public static List<Path> imagesIn(Path folder) {
        try (Stream<Path> s = Files.list(folder)) {
            return s.filter(Files::isRegularFile).filter(StudyBrowser::looksLikeImage).sorted(NaturalOrder.PATHS)
                    .map(p -> p.toAbsolutePath().normalize()).toList();
        } catch (IOException | java.io.UncheckedIOException e) {
            return List.of(); // also when the folder goes away while it is listed
        }
    }

    public static boolean looksLikeImage(Path p) {
        String name = p.getFileName().toString().toLowerCase(Locale.ROOT);
        int dot = name.lastIndexOf('.');
        return dot > 0 && EXTENSIONS.contains(name.substring(dot + 1));
    }

    public void chooseFiles() {
        FileChooser chooser = new FileChooser();
        chooser.setTitle("Open images");
        chooser.getExtensionFilters().addAll(
                new FileChooser.ExtensionFilter("Images (PNG, JPEG, BMP, DICOM)",
                        EXTENSIONS.stream().map(x -> "*." + x).toList()),
                new FileChooser.ExtensionFilter("All files", "*"));
        List<File> chosen = chooser.showOpenMultipleDialog(getScene().getWindow());
        if (chosen != null) {
            addAndOpen(chosen.stream().map(File::toPath).toList());
        }
    }

    public void chooseFolder() {
        DirectoryChooser chooser = new DirectoryChooser();
        chooser.setTitle("Open a folder of images");
        File dir = chooser.showDialog(getScene().getWindow());
        if (dir != null) {
            addAndOpen(List.of(dir.toPath()));
        }
    }

    private void refreshRecent() {
        recent.getItems().clear();
        for (Path p : recentFiles.list()) {
            MenuItem item = new MenuItem(p.getFileName() + "  (" + p.getParent() + ")");
            item.setOnAction(e -> select(p));
            recent.getItems().add(item);
        }
        if (recent.getItems().isEmpty()) {
            MenuItem none = new MenuItem("No recent files");
            none.setDisable(true);
            recent.getItems().add(none);
        }
    }

}
