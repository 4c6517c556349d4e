package dev.rootline.cli;

import picocli.CommandLine;

/** Version from the jar manifest, so it is never out of date. */
final class Version implements CommandLine.IVersionProvider {
    @Override
    public String[] getVersion() {
        String v = Version.class.getPackage().getImplementationVersion();
        return new String[] {"rootline " + (v == null ? "dev" : v), "Java " + Runtime.version()};
    }
}
