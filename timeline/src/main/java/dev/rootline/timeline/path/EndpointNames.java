package dev.rootline.timeline.path;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.rootline.ingest.Event;
import dev.rootline.ingest.ResourceType;
import dev.rootline.ingest.Source;

import java.net.URI;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Which EKS cluster an API endpoint host name belongs to, as the evidence shows it: {@code describe-cluster}
 * snapshots ({@code cluster.endpoint}) and CloudTrail {@code CreateCluster}/{@code DescribeCluster}
 * responses. Clients that log only the host name ({@code Failed to connect to ABC.gr7.us-east-1.eks.amazonaws.com:443})
 * are traced to the cluster's control-plane ENIs this way.
 */
public final class EndpointNames {
    /** CloudTrail calls whose response may carry a cluster's endpoint. */
    public static final String CLOUDTRAIL_QUERY = "source:cloudtrail AND eventSource:eks.amazonaws.com"
            + " AND eventName:(CreateCluster OR DescribeCluster OR UpdateClusterConfig)";
    private static final ObjectMapper JSON = new ObjectMapper();

    /** A host's cluster and the event that says so. */
    public record Owner(String cluster, String eventId, String how) {
    }

    /** Feeds the CloudTrail EKS calls ({@link #CLOUDTRAIL_QUERY}) to a consumer; read only when a name is asked for. */
    @FunctionalInterface
    public interface CloudTrailCalls {
        void forEach(java.util.function.Consumer<Event> each) throws java.io.IOException;
    }

    private final Map<String, Owner> byHost = new LinkedHashMap<>();
    private CloudTrailCalls calls;

    public EndpointNames() {
    }

    /**
     * Names learnt from snapshots now, and from CloudTrail's EKS calls the first time a host the snapshots do not name
     * is asked for: a busy account makes hundreds of thousands of {@code DescribeCluster} calls, and most failures
     * name an address, not a host, so the calls are usually never read.
     */
    public EndpointNames(CloudTrailCalls calls) {
        this.calls = calls;
    }

    /** Learns from an EKS cluster snapshot or a CloudTrail EKS call; other events are ignored. */
    public synchronized void add(Event e) {
        if (e.source() == Source.EKS && "Cluster".equals(e.kind())) {
            String cluster = e.resources(ResourceType.CLUSTER).stream().findFirst().orElse(null);
            String endpoint = e.attribute("endpoint");
            if (cluster == null || endpoint == null) {
                JsonNode c = tree(e.raw());
                c = c.has("cluster") ? c.path("cluster") : c;
                cluster = cluster != null ? cluster : c.path("name").asText(null);
                endpoint = endpoint != null ? endpoint : c.path("endpoint").asText(null);
            }
            put(endpoint, cluster, e.id(), "describe-cluster");
        } else if (e.source() == Source.CLOUDTRAIL && "eks.amazonaws.com".equals(e.eventSource())) {
            JsonNode c = tree(e.raw()).path("responseElements").path("cluster");
            put(c.path("endpoint").asText(null), c.path("name").asText(null), e.id(), "CloudTrail " + e.eventName());
        }
    }

    /** The record as JSON; a record that does not read as JSON names no endpoint. */
    private static JsonNode tree(String raw) {
        try {
            return JSON.readTree(raw);
        } catch (java.io.IOException | RuntimeException e) {
            return com.fasterxml.jackson.databind.node.MissingNode.getInstance();
        }
    }

    private void put(String endpoint, String cluster, String eventId, String how) {
        String host = host(endpoint);
        if (host != null && cluster != null && !cluster.isBlank()) {
            byHost.putIfAbsent(host, new Owner(cluster, eventId, how));
        }
    }

    /** The cluster whose endpoint {@code host} is, if the evidence names it. */
    public synchronized Optional<Owner> ownerOf(String host) {
        if (host == null) {
            return Optional.empty();
        }
        String h = host.toLowerCase(Locale.ROOT);
        if (!byHost.containsKey(h) && calls != null && looksLikeEksEndpoint(h)) {
            CloudTrailCalls pending = calls;
            calls = null;
            try {
                pending.forEach(this::add);
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        }
        return Optional.ofNullable(byHost.get(h));
    }

    /** True for names AWS gives EKS API endpoints ({@code <id>.<cell>.<region>.eks.amazonaws.com}). */
    public static boolean looksLikeEksEndpoint(String host) {
        return host != null && host.toLowerCase(Locale.ROOT).endsWith(".eks.amazonaws.com");
    }

    private static String host(String endpoint) {
        if (endpoint == null || endpoint.isBlank()) {
            return null;
        }
        try {
            String h = URI.create(endpoint.contains("://") ? endpoint : "https://" + endpoint).getHost();
            return h == null ? null : h.toLowerCase(Locale.ROOT);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
