package org.lunglens.cli;

import java.util.List;
import java.util.Locale;
import java.util.Map;
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
        sb.append(String.format(Locale.ROOT, "%-12s %s  %s%n", "accuracy", num(m.accuracy()), interval(ci.get("accuracy"))));
        if (report.containsKey("auc")) {
            sb.append(String.format(Locale.ROOT, "%-12s %s  %s  (COVID recall)%n", "sensitivity",
                    num(report.get("sensitivity")), interval(ci.get("sensitivity"))));
            sb.append(String.format(Locale.ROOT, "%-12s %s  %s%n", "specificity", num(report.get("specificity")),
                    interval(ci.get("specificity"))));
            sb.append(String.format(Locale.ROOT, "%-12s %s  %s%n", "ROC AUC", num(report.get("auc")), interval(ci.get("auc"))));
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
        if (!evaluation.skipped().isEmpty()) {
            sb.append(String.format(Locale.ROOT, "%n%d file(s) skipped (listed on stderr)%n", evaluation.skipped().size()));
        }
        return sb.toString();
    }

    private static String interval(Object bounds) {
        return "95% CI " + ConfidenceInterval.fromReport(bounds).format();
    }

    private static String num(Object v) {
        if (v == null || (v instanceof Double d && d.isNaN())) {
            return "n/a";
        }
        return String.format(Locale.ROOT, "%.4f", ((Number) v).doubleValue());
    }
}
