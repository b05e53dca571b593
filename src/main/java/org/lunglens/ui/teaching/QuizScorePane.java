package org.lunglens.ui.teaching;

import java.io.IOException;
import java.nio.file.Path;
import javafx.geometry.Insets;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.VBox;
import javafx.stage.FileChooser;
import org.lunglens.teaching.Quiz;
import org.lunglens.teaching.QuizCsv;
import org.lunglens.teaching.QuizScore;

/** The end of a quiz: reader vs truth, AI vs truth, reader-AI agreement, the reader's confusion table, CSV export. */
final class QuizScorePane extends VBox {
    private final Quiz quiz;
    private final Label reader = new Label();
    private final Label ai = new Label();
    private final Label agreement = new Label();
    private final GridPane table = new GridPane();
    private final Label status = new Label();
    private final Label logStatus = new Label("No read saved to the patient log yet.");

    QuizScorePane(Quiz quiz) {
        this.quiz = quiz;
        setId("quizScore");
        setSpacing(12);
        setPadding(new Insets(10));
        reader.setId("scoreReader");
        ai.setId("scoreAi");
        agreement.setId("scoreAgreement");
        table.setId("confusionTable");
        table.setHgap(18);
        table.setVgap(4);
        GridPane rows = new GridPane();
        rows.setHgap(20);
        rows.setVgap(6);
        rows.addRow(0, bold("Reader vs truth"), reader);
        rows.addRow(1, bold("AI vs truth"), ai);
        rows.addRow(2, bold("Reader\u2013AI agreement"), agreement);
        Button export = new Button("Export as CSV ...");
        export.setId("quizExport");
        export.setOnAction(e -> chooseAndExport());
        Label note = new Label("AI and agreement count the cases the model's classes can score (a binary model "
                + "scores every label as COVID or non-COVID).");
        note.setWrapText(true);
        logStatus.setId("quizLogStatus");
        logStatus.setWrapText(true);
        getChildren().addAll(rows, bold("Reader's reads (rows: truth, columns: read)"), table, export, note, logStatus,
                status);
    }

    private static Label bold(String text) {
        Label l = new Label(text);
        l.getStyleClass().add("section-title");
        return l;
    }

    void refresh() {
        QuizScore s = quiz.score();
        reader.setText(s.readerText());
        ai.setText(s.aiText());
        agreement.setText(s.agreementText());
        table.getChildren().clear();
        table.add(bold("truth \\ read"), 0, 0);
        for (int c = 0; c < s.labels().size(); c++) {
            table.add(bold(s.labels().get(c)), c + 1, 0);
        }
        for (int r = 0; r < s.labels().size(); r++) {
            String t = s.labels().get(r);
            table.add(bold(t), 0, r + 1);
            for (int c = 0; c < s.labels().size(); c++) {
                Label cell = new Label(String.valueOf(s.count(t, s.labels().get(c))));
                cell.setId("confusion-" + r + "-" + c);
                table.add(cell, c + 1, r + 1);
            }
        }
    }

    void setLogStatus(String text) {
        logStatus.setText(text);
    }

    void export(Path file) throws IOException {
        QuizCsv.write(file, quiz.caseSet().name(), quiz.seed(), quiz.answers(), quiz.score());
        status.setText("Written: " + file);
    }

    private void chooseAndExport() {
        FileChooser chooser = new FileChooser();
        chooser.setInitialFileName("quiz-" + quiz.caseSet().name() + "-seed" + quiz.seed() + ".csv");
        java.io.File f = chooser.showSaveDialog(getScene().getWindow());
        if (f == null) {
            return;
        }
        try {
            export(f.toPath());
        } catch (IOException e) {
            status.setText("Not written: " + e.getMessage());
        }
    }
}
