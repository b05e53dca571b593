package org.lunglens.model;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.util.List;

/**
 * One network of a combined model as its metadata records it (the {@code members} of its training facts): which
 * file it came from, its exact weights, its task and classes.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record CombinedMember(String name, String file, String sha256, String task, List<String> classes,
                             long parameters) {
}
