package org.lunglens.cli;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.lunglens.model.Calibration;
import org.lunglens.model.ConfidenceInterval;
import org.lunglens.model.Evaluation;
import org.lunglens.model.Metrics;

/** A readable evaluation report for the terminal. */
final class EvaluationPrinter {
    private EvaluationPrinter() {
    }

    static String format(Evaluation evaluation) {
        Metrics m = evaluation.metrics();
        Map<String, Object> report = evaluation.report();
        List<String> classes = m.classes();
        StringBuilder sb = new StringBuilder();
        sb.append(String.format(Locale.ROOT, "Model %s (%s), %d images%n", report.get("model"), report.get("task"), m.n()));
        Map<?, ?> ci = (Map<?, ?>) report.get("ci95");
        sb.append(figure("accuracy", m.accuracy(), ci.get("accuracy"), ""));
        if (report.containsKey("auc")) {
            sb.append(figure("sensitivity", report.get("sensitivity"), ci.get("sensitivity"), "(COVID recall)"));
            sb.append(figure("specificity", report.get("specificity"), ci.get("specificity"), ""));
            sb.append(figure("ROC AUC", report.get("auc"), ci.get("auc"), ""));
        }
        sb.append(String.format(Locale.ROOT, "%n%-18s %9s %9s %17s %9s %8s%n", "class", "precision", "recall",
                "recall 95% CI", "f1", "support"));
        for (int c = 0; c < classes.size(); c++) {
            sb.append(String.format(Locale.ROOT, "%-18s %9s %9s %17s %9s %8d%n", classes.get(c), num(m.precision(c)),
                    num(m.recall(c)), m.recallInterval(c).format(), num(m.f1(c)), m.support(c)));
        }
        sb.append(String.format(Locale.ROOT, "%nconfusion (rows = true, columns = predicted)%n%-18s", ""));
        classes.forEach(c -> sb.append(String.format(Locale.ROOT, " %12s", c)));
        sb.append('\n');
        for (int r = 0; r < classes.size(); r++) {
            sb.append(String.format(Locale.ROOT, "%-18s", classes.get(r)));
            for (long v : m.confusion()[r]) {
                sb.append(String.format(Locale.ROOT, " %12d", v));
            }
            sb.append('\n');
        }
        sb.append(String.format(Locale.ROOT, "%n95%% CI: %s%n", ci.get("method")));
        appendCalibration(sb, evaluation.calibration(), evaluation.metadata().isBinary());
        appendFamiliarity(sb, evaluation);
        if (!evaluation.skipped().isEmpty()) {
            sb.append(String.format(Locale.ROOT, "%n%d file(s) skipped (listed on stderr)%n", evaluation.skipped().size()));
        }
        return sb.toString();
    }

    /** The share the unfamiliar-film check flags, and the figures on the films it lets through. */
    private static void appendFamiliarity(StringBuilder sb, Evaluation evaluation) {
        if (!evaluation.hasFamiliarity()) {
            sb.append(String.format(Locale.ROOT, "%nunfamiliar films: this model has no familiarity check%n"));
            return;
        }
        int n = evaluation.truth().length;
        int flagged = evaluation.unfamiliarCount();
        sb.append(String.format(Locale.ROOT, "%nunfamiliar films  %d of %d flagged (%s)%n", flagged, n,
                share(flagged, n)));
        appendUnflaggedErrors(sb, evaluation, false, "non-COVID films called COVID without a flag");
        appendUnflaggedErrors(sb, evaluation, true, "COVID films called non-COVID without a flag");
        Evaluation familiar = evaluation.familiarOnly();
        if (familiar.truth().length == 0) {
            return;
        }
        Metrics m = familiar.metrics();
        Map<?, ?> u = (Map<?, ?>) ((Map<?, ?>) evaluation.report().get("unfamiliar")).get("familiar");
        sb.append(String.format(Locale.ROOT, "on the %d familiar films:%n", m.n()));
        sb.append(figure("  accuracy", m.accuracy(), u.get("accuracyInterval"), ""));
        if (evaluation.metadata().isBinary()) {
            sb.append(figure("  sensitivity", u.get("sensitivity"), u.get("sensitivityInterval"), ""));
            sb.append(figure("  specificity", u.get("specificity"), u.get("specificityInterval"), ""));
            sb.append(figure("  ROC AUC", u.get("auc"), null, ""));
        }
    }

    /** What the app would show as a plain, wrong reading: the share a site's reader should weigh. */
    private static void appendUnflaggedErrors(StringBuilder sb, Evaluation evaluation, boolean covidFilms, String what) {
        Evaluation.UnflaggedErrors e = evaluation.unflaggedErrors(covidFilms);
        if (e.films() == 0) {
            return;
        }
        sb.append(String.format(Locale.ROOT, "%s  %d of %d (%s)%n", what, e.count(), e.films(),
                share(e.count(), e.films())));
    }

    /** "11.4%, 95% CI 5.0-24.0%" (Wilson), or "n/a" of no films. */
    private static String share(int count, int films) {
        if (films == 0) {
            return "n/a";
        }
        ConfidenceInterval ci = ConfidenceInterval.wilson(count, films);
        return String.format(Locale.ROOT, "%.1f%%, 95%% CI %.1f-%.1f%%", 100.0 * count / films, 100 * ci.lower(),
                100 * ci.upper());
    }

    /** ECE, Brier and the reliability bins: is the top class right as often as its probability says? */
    private static void appendCalibration(StringBuilder sb, Calibration c, boolean binary) {
        sb.append(String.format(Locale.ROOT, "%ncalibration  ECE %s, Brier score %s (%s)%n", num(c.expectedCalibrationError()),
                num(c.brier()), binary ? "of P(COVID)" : "summed over the classes"));
        sb.append(String.format(Locale.ROOT, "%-18s %8s %16s %9s%n", "top probability", "images", "mean probability",
                "accuracy"));
        for (Calibration.Bin b : c.bins()) {
            if (!b.isEmpty()) {
                sb.append(String.format(Locale.ROOT, "%-18s %8d %16s %9s%n", String.format(Locale.ROOT, "%.1f-%.1f",
                        b.from(), b.to()), b.count(), num(b.meanConfidence()), num(b.accuracy())));
            }
        }
    }

    /** "sensitivity  0.9702  95% CI 0.9461-0.9838  (COVID recall)"; no interval where the figure has none. */
    private static String figure(String name, Object value, Object bounds, String note) {
        ConfidenceInterval ci = ConfidenceInterval.fromReport(bounds);
        String line = String.format(Locale.ROOT, "%-12s %s", name, num(value))
                + (ci.isDefined() ? "  95% CI " + ci.format() : "") + (note.isEmpty() ? "" : "  " + note);
        return line + System.lineSeparator();
    }

    private static String num(Object v) {
        if (v == null || (v instanceof Double d && d.isNaN())) {
            return "n/a";
        }
        return String.format(Locale.ROOT, "%.4f", ((Number) v).doubleValue());
    }
}
