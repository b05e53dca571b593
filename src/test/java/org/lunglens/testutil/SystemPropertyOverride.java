package org.lunglens.testutil;

/** Sets a system property for a test class and puts the previous value back afterwards. */
public final class SystemPropertyOverride {
    private final String name;
    private final String previous;

    private SystemPropertyOverride(String name, String previous) {
        this.name = name;
        this.previous = previous;
    }

    public static SystemPropertyOverride set(String name, String value) {
        SystemPropertyOverride override = new SystemPropertyOverride(name, System.getProperty(name));
        System.setProperty(name, value);
        return override;
    }

    public void restore() {
        if (previous == null) {
            System.clearProperty(name);
        } else {
            System.setProperty(name, previous);
        }
    }
}
