package dev.rootline.ingest.envelope;

import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What a node's log file name says about its container. kubelet links
 * {@code /var/log/containers/<pod>_<namespace>_<container>-<64 hex id>.log} to
 * {@code /var/log/pods/<namespace>_<pod>_<uid>/<container>/<restart>.log}; a copied folder usually keeps one of
 * the two shapes.
 */
final class KubePaths {
    private static final Pattern CONTAINERS = Pattern.compile("^([a-z0-9][a-z0-9.\\-]*)_([a-z0-9][a-z0-9\\-]*)_(.+)-[0-9a-f]{64}\\.log(?:\\.\\d+)?(?:\\.gz)?$");
    private static final Pattern PODS = Pattern.compile("^([a-z0-9][a-z0-9\\-]*)_([a-z0-9][a-z0-9.\\-]*)_[0-9a-f\\-]{36}$");

    private KubePaths() {
    }

    static StreamMeta of(Path file) {
        String name = file.getFileName().toString();
        Matcher m = CONTAINERS.matcher(name);
        if (m.matches()) {
            return new StreamMeta(m.group(1), m.group(2), m.group(3), null, null, null);
        }
        Path container = file.getParent();
        Path pod = container == null ? null : container.getParent();
        if (pod != null && pod.getFileName() != null) {
            Matcher p = PODS.matcher(pod.getFileName().toString());
            if (p.matches()) {
                return new StreamMeta(p.group(2), p.group(1), container.getFileName().toString(), null, null, null);
            }
        }
        return StreamMeta.NONE;
    }
}
