package org.lunglens.cli;

import java.util.List;
import java.util.Locale;
import java.util.Map;
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
        sb.append(String.format(Locale.ROOT, "accuracy     %.4f%n", m.accuracy()));
        if (report.containsKey("auc")) {
            sb.append(String.format(Locale.ROOT, "sensitivity  %s  (COVID recall)%n", num(report.get("sensitivity"))));
            sb.append(String.format(Locale.ROOT, "specificity  %s%n", num(report.get("specificity"))));
            sb.append(String.format(Locale.ROOT, "ROC AUC      %s%n", num(report.get("auc"))));
        }
        sb.append(String.format(Locale.ROOT, "%n%-18s %9s %9s %9s %8s%n", "class", "precision", "recall", "f1", "support"));
        for (int c = 0; c < classes.size(); c++) {
            sb.append(String.format(Locale.ROOT, "%-18s %9s %9s %9s %8d%n", classes.get(c), num(m.precision(c)),
                    num(m.recall(c)), num(m.f1(c)), m.support(c)));
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
        if (!evaluation.skipped().isEmpty()) {
            sb.append(String.format(Locale.ROOT, "%n%d file(s) skipped (listed on stderr)%n", evaluation.skipped().size()));
        }
        return sb.toString();
    }

    private static String num(Object v) {
        if (v == null || (v instanceof Double d && d.isNaN())) {
            return "n/a";
        }
        return String.format(Locale.ROOT, "%.4f", ((Number) v).doubleValue());
    }
}
