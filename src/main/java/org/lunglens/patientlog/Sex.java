package org.lunglens.patientlog;

/** A patient's sex as recorded on the request; stored as one letter. */
public enum Sex {
    FEMALE("F"), MALE("M"), OTHER("O"), UNKNOWN("U");

    private final String code;

    Sex(String code) {
        this.code = code;
    }

    String code() {
        return code;
    }

    static Sex fromCode(String code) {
        for (Sex sex : values()) {
            if (sex.code.equals(code)) {
                return sex;
            }
        }
        throw new IllegalArgumentException("Unknown sex code: " + code);
    }
}
