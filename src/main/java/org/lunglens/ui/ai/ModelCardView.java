package org.lunglens.ui.ai;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import javafx.geometry.Insets;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.VBox;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.lunglens.gradcam.ModelSession;
import org.lunglens.model.ConfidenceInterval;
import org.lunglens.model.Metrics;
import org.lunglens.model.ModelMetadata;
import org.lunglens.model.TestReport;
import org.lunglens.ui.common.MarkdownView;
import org.lunglens.ui.common.Styles;

/** A model's card from its own metadata (and its {@code NAME.md} when present): what it is, data, metrics, use. */
final class ModelCardView extends VBox {
    static final String INTENDED_USE = "Intended use: teaching and research; not for clinical diagnosis. Not "
            + "validated on patients and not a medical device.";

    ModelCardView(ModelSession.Info info) {
        setId("modelCard");
        setSpacing(10);
        setPadding(new Insets(12));
        ModelMetadata m = info.metadata();
        Label title = new Label("Model card: " + info.title());
        title.getStyleClass().add("window-title");
        Label use = new Label(INTENDED_USE);
        use.setId("cardIntendedUse");
        use.setWrapText(true);
        use.getStyleClass().add("disclaimer");
        GridPane facts = table("cardFacts");
        row(facts, "Task", m.task() + (m.isBinary() ? " (COVID vs non-COVID)" : ""));
        row(facts, "Classes", String.join(", ", m.classes()));
        row(facts, "Architecture", m.architecture());
        row(facts, "Parameters", String.format(Locale.ROOT, "%,d", m.parameters()));
        row(facts, "Input", m.preprocessing().describe());
        row(facts, "Grad-CAM layer", info.gradCamLayer() == null ? "none" : info.gradCamLayer());
        row(facts, "File", info.file().toString());
        row(facts, "SHA-256", info.sha256());
        GridPane training = table("cardTraining");
        new java.util.TreeMap<>(m.training()).forEach((k, v) -> row(training, k, format(v)));
        getChildren().addAll(title, use, facts, heading("Data and training"), training, heading("Test metrics"));
        getChildren().addAll(metrics(m));
        if (info.card() != null) {
            MarkdownView md = new MarkdownView(info.card(), info.file().toAbsolutePath().getParent());
            md.setId("cardMarkdown");
            getChildren().addAll(heading(info.file().resolveSibling(m.name() + ".md").getFileName().toString()), md);
        }
    }

    static void open(ModelSession.Info info, Window owner) {
        show(new ModelCardView(info), "Model card \u2014 " + info.title(), owner);
    }

    static void openError(String message, Window owner) {
        Label l = new Label(message);
        l.setWrapText(true);
        VBox box = new VBox(l);
        box.setPadding(new Insets(12));
        show(box, "LungLens", owner);
    }

    private static void show(Node content, String title, Window owner) {
        ScrollPane scroll = new ScrollPane(content);
        scroll.setFitToWidth(true);
        Stage stage = new Stage();
        stage.initOwner(owner);
        stage.setTitle(title);
        stage.setScene(Styles.scene(scroll, 680, 760));
        stage.show();
        // A card is read from its top (the images below load and lay out after the window shows)
        scroll.setVvalue(0);
        javafx.application.Platform.runLater(() -> scroll.setVvalue(0));
    }

    private List<Node> metrics(ModelMetadata m) {
        Optional<TestReport> report = m.testReport().filter(r -> r.accuracy() != null);
        if (report.isEmpty()) {
            Label none = new Label("No test metrics in this model file (it was saved before its test evaluation).");
            none.setWrapText(true);
            return List.of(none);
        }
        TestReport r = report.get();
        // Intervals come from the stored counts, so a model file written before they were reported gets them too
        Optional<Metrics> counts = r.counts(m.classes());
        GridPane summary = table("cardMetrics");
        Map<String, Object> figures = new LinkedHashMap<>();
        figures.put("n", r.n());
        figures.put("accuracy", r.accuracy());
        figures.put("sensitivity", r.sensitivity());
        figures.put("specificity", r.specificity());
        figures.put("auc", r.auc());
        figures.put("logLoss", r.logLoss());
        figures.forEach((k, value) -> {
            if (value != null) {
                String interval = counts.map(c -> interval(k, c, m)).map(ci -> "   (95% CI " + ci.format() + ")").orElse("");
                row(summary, k.equals("n") ? "test images" : k, format(value) + interval).setId("cardMetric-" + k);
            }
        });
        GridPane perClass = table("cardPerClass");
        perClass.addRow(0, bold("class"), bold("precision"), bold("recall"), bold("recall 95% CI"), bold("F1"),
                bold("support"));
        int row = 1;
        for (String cls : m.classes()) {
            TestReport.ClassFigures c = r.perClass().get(cls);
            if (c != null) {
                String recallCi = counts.map(x -> x.recallInterval(m.classes().indexOf(cls)).format()).orElse("\u2014");
                perClass.addRow(row++, new Label(cls), new Label(format(c.precision())), new Label(format(c.recall())),
                        new Label(recallCi), new Label(format(c.f1())), new Label(format(c.support())));
            }
        }
        Label method = new Label("95% CI: Wilson score interval from the test counts: how far the figure could move on "
                + "another sample of this size. The AUC's interval (DeLong) needs the scores: see the card below or "
                + "run evaluate.");
        method.setWrapText(true);
        method.getStyleClass().add("small-text");
        List<Node> nodes = new ArrayList<>(List.of(summary));
        counts.ifPresent(c -> nodes.add(method));
        nodes.addAll(List.of(perClass, heading("Confusion matrix (rows = true, columns = predicted)"),
                confusion(m.classes(), counts)));
        return nodes;
    }

    /**
     * The Wilson interval of a proportion figure, or null for a figure with none here (the AUC's needs the
     * scores, which the file does not keep; the card's Markdown and {@code evaluate} give it).
     */
    static ConfidenceInterval interval(String figure, Metrics counts, ModelMetadata m) {
        int covid = m.classes().indexOf(ModelMetadata.COVID);
        return switch (figure) {
            case "accuracy" -> counts.accuracyInterval();
            case "sensitivity" -> m.isBinary() ? counts.recallInterval(covid) : null;
            case "specificity" -> m.isBinary() ? counts.recallInterval(1 - covid) : null;
            default -> null;
        };
    }

    private static GridPane confusion(List<String> classes, Optional<Metrics> counts) {
        GridPane grid = table("cardConfusion");
        grid.setGridLinesVisible(true);
        for (int c = 0; c < classes.size(); c++) {
            grid.add(bold(classes.get(c)), c + 1, 0);
            grid.add(bold(classes.get(c)), 0, c + 1);
        }
        counts.ifPresent(m -> {
            long[][] rows = m.confusion();
            for (int r = 0; r < rows.length; r++) {
                for (int c = 0; c < rows[r].length; c++) {
                    Label v = new Label(String.valueOf(rows[r][c]));
                    v.setId("confusion-" + r + "-" + c);
                    if (r == c) {
                        v.getStyleClass().add("emphasis");
                    }
                    grid.add(v, c + 1, r + 1);
                }
            }
        });
        return grid;
    }

    private static GridPane table(String id) {
        GridPane g = new GridPane();
        g.setId(id);
        g.setHgap(12);
        g.setVgap(3);
        return g;
    }

    private static Label row(GridPane g, String key, String value) {
        Label v = new Label(value);
        v.setWrapText(true);
        v.setMaxWidth(460);
        g.addRow(g.getRowCount(), bold(key), v);
        return v;
    }

    private static Label bold(String text) {
        Label l = new Label(text);
        l.getStyleClass().add("emphasis");
        return l;
    }

    private static Label heading(String text) {
        Label l = new Label(text);
        l.getStyleClass().add("card-heading");
        return l;
    }

    static String format(Object v) {
        if (v instanceof Double || v instanceof Float) {
            return String.format(Locale.ROOT, "%.4f", ((Number) v).doubleValue());
        }
        if (v instanceof List<?> list && !list.isEmpty() && list.get(0) instanceof Map) {
            // A combined model's networks: one line each
            return list.stream().map(ModelCardView::format).collect(Collectors.joining("\n"));
        }
        if (v instanceof Map<?, ?> map) {
            return map.entrySet().stream().map(e -> e.getKey() + ": " + format(e.getValue()))
                    .collect(Collectors.joining(", "));
        }
        return v == null ? "\u2014" : String.valueOf(v);
    }
}
