package org.lunglens.imaging.dicom;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The elements of one data set (the file's, or one item of a sequence), in file order. */
public final class DicomDataset {
    private final Map<Integer, DicomElement> elements = new LinkedHashMap<>();

    void put(DicomElement e) {
        elements.put(e.tag(), e);
    }

    public Collection<DicomElement> elements() {
        return elements.values();
    }

    public Optional<DicomElement> get(int tag) {
        return Optional.ofNullable(elements.get(tag));
    }

    /** The element's text, or "" when it is absent. */
    public String text(int tag) {
        return get(tag).map(DicomElement::text).orElse("");
    }

    /** The element's first number, or {@code fallback} when it is absent or not a number. */
    public double number(int tag, double fallback) {
        return get(tag).map(DicomElement::numbers).filter(n -> !n.isEmpty()).map(n -> n.get(0)).orElse(fallback);
    }

    public int integer(int tag, int fallback) {
        double n = number(tag, fallback);
        return n >= Integer.MIN_VALUE && n <= Integer.MAX_VALUE ? (int) n : fallback;
    }

    public List<Double> numbers(int tag) {
        return get(tag).map(DicomElement::numbers).orElse(List.of());
    }

    /** The first item of a sequence, if it has one. */
    public Optional<DicomDataset> firstItem(int tag) {
        return get(tag).map(DicomElement::items).filter(i -> !i.isEmpty()).map(i -> i.get(0));
    }
}
