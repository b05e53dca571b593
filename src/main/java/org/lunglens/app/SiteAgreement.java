package org.lunglens.app;

import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.lunglens.model.ConfidenceInterval;
import org.lunglens.model.Metrics;
import org.lunglens.model.ModelMetadata;
import org.lunglens.patientlog.ReadPair;
import org.lunglens.teaching.AiOpinion;

/**
 * How often a model agreed with this site's readers, from the patient log: each image's first read made without
 * the AI against the model's latest analysis of it, per model and period. The reader is the reference here, not
 * the truth: these figures say how the AI behaves against the department's own reading, which is what a site can
 * measure. A finding the model has no class for ("Other", "Lung Opacity" for a 3-class model) is counted apart.
 */
public final class SiteAgreement {
    /** How the reads are grouped in time. */
    public enum Period {
        ALL(null), YEAR(DateTimeFormatter.ofPattern("yyyy", Locale.ROOT)),
        MONTH(DateTimeFormatter.ofPattern("yyyy-MM", Locale.ROOT));

        private final DateTimeFormatter format;

        Period(DateTimeFormatter format) {
            this.format = format;
        }

        String of(ReadPair p) {
            return format == null ? "all" : format.format(p.readAt().atZone(ZoneOffset.UTC));
        }
    }

    /**
     * One model's agreement in one period.
     *
     * @param counts        reader's class (rows) against the AI's (columns), in the model's classes
     * @param notComparable reads whose finding the model has no class for
     * @param flagged       compared films the model's familiarity check flagged as unfamiliar
     */
    public record Group(String model, String period, Metrics counts, int notComparable, int flagged) {
        public boolean binary() {
            return isBinary(counts.classes());
        }

        /** Share of the AI's calls that match the reader's, with its Wilson interval. */
        public double agreement() {
            return counts.accuracy();
        }

        public ConfidenceInterval agreementInterval() {
            return counts.accuracyInterval();
        }

        /** Of the films the reader called COVID, the share the AI called COVID (binary models). */
        public double sensitivity() {
            return counts.recall(counts.classes().indexOf(ModelMetadata.COVID));
        }

        public ConfidenceInterval sensitivityInterval() {
            return counts.recallInterval(counts.classes().indexOf(ModelMetadata.COVID));
        }

        /** Of the films the reader did not call COVID, the share the AI did not either (binary models). */
        public double specificity() {
            return counts.recall(1 - counts.classes().indexOf(ModelMetadata.COVID));
        }

        public ConfidenceInterval specificityInterval() {
            return counts.recallInterval(1 - counts.classes().indexOf(ModelMetadata.COVID));
        }

        /** The JSON form of {@code lunglens agreement --json}. */
        public Map<String, Object> toMap() {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("model", model);
            m.put("period", period);
            m.put("reads", counts.n());
            m.put("notComparable", notComparable);
            m.put("flaggedUnfamiliar", flagged);
            m.put("classes", counts.classes());
            m.put("confusion", counts.confusion());
            m.put("agreement", nullIfNaN(agreement()));
            m.put("agreementInterval", agreementInterval().toList());
            if (binary()) {
                m.put("sensitivity", nullIfNaN(sensitivity()));
                m.put("sensitivityInterval", sensitivityInterval().toList());
                m.put("specificity", nullIfNaN(specificity()));
                m.put("specificityInterval", specificityInterval().toList());
            }
            return m;
        }
    }

    private SiteAgreement() {
    }

    /** The groups of {@code pairs}, by model then period; only {@code model}'s when it is not null. */
    public static List<Group> of(List<ReadPair> pairs, String model, Period period) {
        Map<List<String>, List<ReadPair>> byGroup = new LinkedHashMap<>();
        for (ReadPair p : pairs) {
            if (model == null || model.equals(p.modelName())) {
                byGroup.computeIfAbsent(List.of(p.modelName(), period.of(p)), k -> new ArrayList<>()).add(p);
            }
        }
        List<Group> groups = new ArrayList<>();
        byGroup.forEach((key, list) -> groups.add(group(key.get(0), key.get(1), list)));
        return groups;
    }

    private static Group group(String model, String period, List<ReadPair> pairs) {
        List<String> classes = pairs.get(0).modelClasses();
        boolean binary = isBinary(classes);
        long[][] confusion = new long[classes.size()][classes.size()];
        int notComparable = 0;
        int flagged = 0;
        for (ReadPair p : pairs) {
            String reader = AiOpinion.modelClass(classes, binary, p.finding());
            int row = reader == null ? -1 : classes.indexOf(reader);
            int col = classes.indexOf(p.aiClass());
            if (row < 0 || col < 0 || !p.modelClasses().equals(classes)) {
                notComparable++;
                continue;
            }
            confusion[row][col]++;
            flagged += Boolean.TRUE.equals(p.unfamiliar()) ? 1 : 0;
        }
        return new Group(model, period, new Metrics(classes, confusion), notComparable, flagged);
    }

    /** COVID against the rest: the log knows a model's classes, not its task. */
    private static boolean isBinary(List<String> classes) {
        return classes.size() == 2 && classes.contains(ModelMetadata.COVID);
    }

    private static Double nullIfNaN(double v) {
        return Double.isNaN(v) ? null : v;
    }
}
