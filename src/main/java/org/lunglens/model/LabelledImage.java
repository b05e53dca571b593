package org.lunglens.model;

import java.nio.file.Path;

/**
 * One image of a data folder.
 *
 * @param file   the image file
 * @param folder the class folder it lies in (its label)
 * @param group  near-duplicate group: images sharing it must stay on one side of a split
 */
public record LabelledImage(Path file, String folder, String group) {
}
