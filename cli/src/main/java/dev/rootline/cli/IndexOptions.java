package dev.rootline.cli;

import dev.rootline.index.EventIndex;
import dev.rootline.index.IndexException;
import picocli.CommandLine.Option;

import java.util.LinkedHashMap;
import java.util.Map;

/** {@code --index}, the SolrCloud credentials and {@code --verbose}, shared by every command that uses an index. */
public final class IndexOptions {
    @Option(names = "--index", paramLabel = "INDEX", description = {
            "Index folder, or a SolrCloud collection: solr://ZKHOST:PORT[,ZKHOST:PORT…]/COLLECTION[?chroot=/path]",
            "or solr+http(s)://HOST:PORT/solr/COLLECTION (default: $ROOTLINE_INDEX, else ./rootline-index)."})
    String index;

    @Option(names = "--solr-user", paramLabel = "USER",
            description = "SolrCloud basic-auth user; the password is read from $ROOTLINE_SOLR_PASSWORD.")
    String solrUser;

    @Option(names = "--solr-truststore", paramLabel = "FILE", description = {
            "Trust store (PKCS12 or JKS) for a solr+https:// or TLS SolrCloud whose certificate the JDK does not trust;",
            "its password, if any, from $ROOTLINE_SOLR_TRUSTSTORE_PASSWORD."})
    String solrTruststore;

    @Option(names = "--verbose", description = "Show stack traces of internal errors.")
    boolean verbose;

    private EventIndex opened;

    public EventIndex open() {
        if (opened == null) {
            try {
                opened = EventIndex.open(location(), settings());
            } catch (IndexException e) {
                throw new UserError(e.getMessage());
            }
        }
        return opened;
    }

    /** Whether the user named the index (rather than taking the default). */
    public boolean given() {
        return index != null;
    }

    public String location() {
        if (index != null) {
            return index;
        }
        String env = System.getenv("ROOTLINE_INDEX");
        return env != null && !env.isBlank() ? env : "rootline-index";
    }

    public Map<String, String> settings() {
        Map<String, String> s = new LinkedHashMap<>();
        if (solrUser != null) {
            s.put("solr.user", solrUser);
            String password = System.getenv("ROOTLINE_SOLR_PASSWORD");
            if (password == null) {
                throw new UserError("--solr-user needs the password in $ROOTLINE_SOLR_PASSWORD");
            }
            s.put("solr.password", password);
        }
        if (solrTruststore != null) {
            s.put("solr.truststore", solrTruststore);
            String password = System.getenv("ROOTLINE_SOLR_TRUSTSTORE_PASSWORD");
            if (password != null) {
                s.put("solr.truststorePassword", password);
            }
        }
        return s;
    }
}
