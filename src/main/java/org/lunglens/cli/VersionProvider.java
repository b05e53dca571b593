package org.lunglens.cli;

import picocli.CommandLine;

/** Reads the version from the jar manifest, so there is one place to change it: the pom. */
public final class VersionProvider implements CommandLine.IVersionProvider {
    @Override
    public String[] getVersion() {
        String v = VersionProvider.class.getPackage().getImplementationVersion();
        return new String[] {"LungLens " + (v == null ? "(development build)" : v),
            "Java " + System.getProperty("java.version") + " on " + System.getProperty("os.name") + " "
                    + System.getProperty("os.arch")};
    }
}
