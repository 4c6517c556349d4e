package dev.rootline.cli;

import java.nio.file.Files;
import java.nio.file.Path;

/** Where the local SolrCloud's own jar is: built by ./rootline on first use of {@code rootline solr}. */
final class SolrNodeJar {
    private SolrNodeJar() {
    }

    static Path find() {
        String given = System.getProperty("rootline.solrNode");
        if (given != null) {
            return Path.of(given);
        }
        String home = System.getProperty("rootline.home");
        Path jar = Path.of(home == null ? "." : home, "solr-node", "target", "rootline-solr-node.jar");
        if (!Files.isRegularFile(jar)) {
            throw new UserError("the local SolrCloud is not built: run 'rootline solr start' through ./rootline, which"
                    + " builds it on first use (or ./mvnw -pl solr-node package)");
        }
        return jar;
    }
}
