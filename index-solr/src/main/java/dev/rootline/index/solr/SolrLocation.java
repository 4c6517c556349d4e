package dev.rootline.index.solr;

import dev.rootline.index.IndexException;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A SolrCloud collection as a user names it with {@code --index}:
 * <ul>
 *   <li>{@code solr://ZKHOST:PORT[,ZKHOST:PORT…]/COLLECTION[?chroot=/path]}: a ZooKeeper ensemble, as SolrJ's
 *       {@code CloudSolrClient} takes it;</li>
 *   <li>{@code solr+http(s)://HOST:PORT/solr/COLLECTION}: a node's HTTP address; the client learns the rest of the
 *       cluster from it.</li>
 * </ul>
 *
 * @param zkHosts   the ensemble, empty for an HTTP address
 * @param chroot    the ensemble's chroot, if any
 * @param solrUrls  the node's base URL ({@code http://host:port/solr}), empty for a ZooKeeper address
 * @param collection the collection
 */
record SolrLocation(List<String> zkHosts, Optional<String> chroot, List<String> solrUrls, String collection) {
    private static final Pattern ZK = Pattern.compile("solr://([^/?#]+)/([^/?#]+)(?:\\?chroot=(/[^&#]*))?");
    private static final Pattern HTTP = Pattern.compile("solr\\+(https?)://([^/?#]+)(/.*)?/([^/?#]+)/?");
    /** Solr's own rule for collection names. */
    private static final Pattern COLLECTION = Pattern.compile("[A-Za-z0-9_][A-Za-z0-9._-]*");

    static boolean accepts(String location) {
        return location.startsWith("solr://") || location.startsWith("solr+http://") || location.startsWith("solr+https://");
    }

    static SolrLocation parse(String location) {
        Matcher zk = ZK.matcher(location);
        if (zk.matches()) {
            List<String> hosts = Arrays.stream(zk.group(1).split(",")).map(String::trim).toList();
            for (String h : hosts) {
                if (!h.matches("[A-Za-z0-9.\\-\\[\\]:]+:\\d{1,5}")) {
                    throw bad(location, "'" + h + "' is not HOST:PORT");
                }
            }
            String chroot = zk.group(3);
            return new SolrLocation(hosts, Optional.ofNullable(chroot == null || chroot.equals("/") ? null : chroot),
                    List.of(), collection(location, zk.group(2)));
        }
        Matcher http = HTTP.matcher(location);
        if (http.matches()) {
            String authority = http.group(2);
            if (authority.contains("@")) {
                throw bad(location, "put no credentials in the address; use --solr-user and $ROOTLINE_SOLR_PASSWORD");
            }
            String path = http.group(3) == null ? "" : http.group(3);
            if (path.isEmpty()) {
                throw bad(location, "expected solr+http(s)://HOST:PORT/solr/COLLECTION");
            }
            String base = http.group(1) + "://" + authority + path;
            try {
                new URI(base).toURL();
            } catch (URISyntaxException | java.net.MalformedURLException | IllegalArgumentException e) {
                throw bad(location, e.getMessage());
            }
            return new SolrLocation(List.of(), Optional.empty(), List.of(base), collection(location, http.group(4)));
        }
        throw bad(location, "expected solr://ZKHOST:PORT[,ZKHOST:PORT…]/COLLECTION[?chroot=/path]"
                + " or solr+http(s)://HOST:PORT/solr/COLLECTION");
    }

    private static String collection(String location, String name) {
        if (!COLLECTION.matcher(name).matches()) {
            throw bad(location, "'" + name + "' is not a collection name (letters, digits, '.', '_', '-')");
        }
        return name;
    }

    private static IndexException bad(String location, String why) {
        // never echo credentials someone put in the address
        String shown = location.replaceAll("(://)[^/@]*@", "$1…@");
        return new IndexException("bad SolrCloud address '" + shown + "': " + why);
    }

    /** The address in the form the user gave it (never with credentials). */
    @Override
    public String toString() {
        if (!zkHosts.isEmpty()) {
            return "solr://" + String.join(",", zkHosts) + "/" + collection + chroot.map(c -> "?chroot=" + c).orElse("");
        }
        String base = solrUrls.get(0);
        return "solr+" + base + "/" + collection;
    }

    /** What the user can reach: the ensemble or the node. */
    String endpoint() {
        return zkHosts.isEmpty() ? solrUrls.get(0) : "ZooKeeper " + String.join(",", zkHosts) + chroot.orElse("");
    }

    boolean tls() {
        return !solrUrls.isEmpty() && solrUrls.get(0).startsWith("https:");
    }
}
