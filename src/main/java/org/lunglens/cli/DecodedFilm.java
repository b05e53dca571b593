package org.lunglens.cli;

import java.time.LocalDate;

/** A decoded film as a batch run needs it: the model input, and what the patient log records about the file. */
record DecodedFilm(float[] input, String format, LocalDate acquiredOn) {
}
