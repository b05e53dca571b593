package org.lunglens.ui.patientlog;

import java.util.List;
import java.util.Locale;
import java.util.function.Function;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.geometry.Insets;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.Label;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.stage.Stage;
import javafx.stage.Window;
import javafx.util.StringConverter;
import org.lunglens.app.SiteAgreement;
import org.lunglens.model.ConfidenceInterval;
import org.lunglens.ui.common.Styles;

/**
 * "This site": how often each model agreed with this department's readers, from the log (the same figures as
 * {@code lunglens agreement}): per model and period, the reads compared, agreement, sensitivity and specificity
 * against the readers with Wilson intervals, and the selected row's table of calls.
 */
final class SiteAgreementWindow {
    static final String EXPLANATION = "Each image's first read made without the AI (your readers' reads and"
            + " imported report labels; quiz reads left out) against each model's latest analysis of it. The readers"
            + " are the reference here, not the truth: these figures say how the AI behaves against your own"
            + " reading. Intervals are 95% Wilson intervals; with few reads they are wide.";

    private final PatientLogService service;
    private final ChoiceBox<SiteAgreement.Period> period = new ChoiceBox<>();
    private final TableView<SiteAgreement.Group> table = new TableView<>();
    private final GridPane confusion = new GridPane();
    private final Label message = new Label();

    private SiteAgreementWindow(PatientLogService service) {
        this.service = service;
    }

    static Stage open(Window owner, PatientLogService service) {
        SiteAgreementWindow w = new SiteAgreementWindow(service);
        Stage stage = new Stage();
        stage.initOwner(owner);
        stage.setTitle("This site: the AI against your readers");
        stage.setScene(Styles.scene(w.view(), 980, 560));
        stage.show();
        w.load();
        return stage;
    }

    private VBox view() {
        Label explanation = new Label(EXPLANATION);
        explanation.setWrapText(true);
        explanation.setMinHeight(Region.USE_PREF_SIZE);
        period.setId("siteAgreementPeriod");
        period.getItems().setAll(SiteAgreement.Period.values());
        period.setConverter(new StringConverter<>() {
            @Override
            public String toString(SiteAgreement.Period p) {
                return p == null ? "" : switch (p) {
                    case ALL -> "all time";
                    case YEAR -> "year";
                    case MONTH -> "month";
                };
            }

            @Override
            public SiteAgreement.Period fromString(String text) {
                return SiteAgreement.Period.ALL;
            }
        });
        period.setValue(SiteAgreement.Period.ALL);
        period.valueProperty().addListener((o, old, p) -> load());
        message.setId("siteAgreementMessage");
        message.setWrapText(true);
        table.setId("siteAgreementTable");
        table.setPlaceholder(new Label("No reads made without the AI on images a model has analysed yet."));
        table.getColumns().addAll(List.of(
                column("Model", 170, SiteAgreement.Group::model),
                column("Period", 70, SiteAgreement.Group::period),
                column("Reads", 60, g -> String.valueOf(g.counts().n())),
                column("Agreement", 150, g -> figure(g.agreement(), g.agreementInterval())),
                column("Sensitivity", 150, g -> g.binary() ? figure(g.sensitivity(), g.sensitivityInterval()) : ""),
                column("Specificity", 150, g -> g.binary() ? figure(g.specificity(), g.specificityInterval()) : ""),
                column("Flagged unfamiliar", 120, g -> String.valueOf(g.flagged())),
                column("No class for the read", 140, g -> String.valueOf(g.notComparable()))));
        table.getSelectionModel().selectedItemProperty().addListener((o, old, g) -> showConfusion(g));
        confusion.setId("siteAgreementConfusion");
        confusion.setHgap(14);
        confusion.setVgap(4);
        HBox top = new HBox(8, new Label("Group by"), period);
        top.setAlignment(javafx.geometry.Pos.CENTER_LEFT);
        VBox box = new VBox(8, explanation, top, message, table, new Label("Calls of the selected row"), confusion);
        box.setPadding(new Insets(10));
        return box;
    }

    private void load() {
        SiteAgreement.Period p = period.getValue();
        message.setText("Reading the log\u2026");
        service.read(log -> SiteAgreement.of(log.readPairs(), null, p), groups -> {
            if (period.getValue() != p) {
                return;
            }
            table.getItems().setAll(groups);
            message.setText(groups.isEmpty() ? "" : groups.stream().mapToLong(g -> g.counts().n()).sum()
                    + " comparisons in " + groups.size() + (groups.size() == 1 ? " group." : " groups."));
            if (!groups.isEmpty()) {
                table.getSelectionModel().select(0);
            }
        }, problem -> message.setText("The agreement could not be read: " + problem));
    }

    private void showConfusion(SiteAgreement.Group g) {
        confusion.getChildren().clear();
        if (g == null) {
            return;
        }
        List<String> classes = g.counts().classes();
        confusion.add(new Label("reader \u2193  AI \u2192"), 0, 0);
        for (int c = 0; c < classes.size(); c++) {
            confusion.add(bold(classes.get(c)), c + 1, 0);
            confusion.add(bold(classes.get(c)), 0, c + 1);
        }
        long[][] counts = g.counts().confusion();
        for (int r = 0; r < classes.size(); r++) {
            for (int c = 0; c < classes.size(); c++) {
                Label cell = new Label(String.valueOf(counts[r][c]));
                cell.setId("confusion-" + r + "-" + c);
                confusion.add(cell, c + 1, r + 1);
            }
        }
    }

    private static Label bold(String text) {
        Label l = new Label(text);
        l.getStyleClass().add("emphasis");
        return l;
    }

    /** "0.705 (0.56-0.82)": three digits for the figure, two for its interval, which is what they can bear. */
    static String figure(double value, ConfidenceInterval ci) {
        return Double.isNaN(value) ? "n/a" : ci.isDefined()
                ? String.format(Locale.ROOT, "%.3f (%.2f\u2013%.2f)", value, ci.lower(), ci.upper())
                : String.format(Locale.ROOT, "%.3f", value);
    }

    private static TableColumn<SiteAgreement.Group, String> column(String name, double width,
                                                                  Function<SiteAgreement.Group, String> value) {
        TableColumn<SiteAgreement.Group, String> c = new TableColumn<>(name);
        c.setPrefWidth(width);
        c.setCellValueFactory(d -> new ReadOnlyObjectWrapper<>(value.apply(d.getValue())));
        return c;
    }
}
