package org.lunglens.patientlog;

import java.util.Collections;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * Which class a Grad-CAM explained and with what settings (layer, colour map, opacity...), sorted by key and
 * kept as text so the log does not depend on the explanation code.
 */
public record GradCamInfo(String targetClass, Map<String, String> settings) {
    public GradCamInfo {
        Objects.requireNonNull(targetClass, "targetClass");
        settings = settings == null ? Map.of() : Collections.unmodifiableMap(new TreeMap<>(settings));
    }
}
