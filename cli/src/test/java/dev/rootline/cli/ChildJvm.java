package dev.rootline.cli;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Starts the CLI in a separate JVM, as a user would, so tests can kill it or bound its heap. */
final class ChildJvm {
    private ChildJvm() {
    }

    static Process start(Path log, List<String> jvmArgs, String... args) throws IOException {
        return start(log, List.of(), jvmArgs, args);
    }

    /** The same, started through {@code prefix} (e.g. {@code setpriv …} to run without some privileges). */
    static Process start(Path log, List<String> prefix, List<String> jvmArgs, String... args) throws IOException {
        List<String> cmd = new ArrayList<>(prefix);
        cmd.add(ProcessHandle.current().info().command().orElse("java"));
        cmd.add("--enable-native-access=ALL-UNNAMED");
        cmd.addAll(jvmArgs);
        cmd.add("-cp");
        cmd.add(System.getProperty("java.class.path"));
        cmd.add(Main.class.getName());
        cmd.addAll(List.of(args));
        return new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(log.toFile()).start();
    }
}
