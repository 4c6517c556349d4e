package dev.rootline.ingest;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Names the failure in a piece of log text with a stable signature ({@code io_timeout},
 * {@code connection_refused}…) and pulls out what the failing call was talking to, as Go, Java (JDK,
 * OkHttp, fabric8, Apache HttpClient, Netty), Python (requests, urllib3, botocore), curl and Node print it.
 *
 * <p>Signatures are matched on literal phrases (cheap {@code indexOf}), so INFO lines cost almost nothing;
 * the regexes for targets run only when a signature matched. A target keeps the IP whenever the text has
 * one ({@code host/10.0.0.1:443} gives {@code 10.0.0.1:443}, then {@code host:443}); a host name alone is
 * kept as it is, for the investigation to resolve from the evidence.
 */
public final class FailureSignatures {

    /** One signature and the phrases that reveal it. */
    public record Signature(String name, List<String> phrases) {
        public Signature {
            phrases = List.copyOf(phrases);
        }
    }

    /** The catalogue, most specific first. Phrases are case-sensitive, as the libraries print them. */
    public static final List<Signature> CATALOGUE = List.of(
            new Signature("io_timeout", List.of("i/o timeout")),
            new Signature("tls_handshake_timeout", List.of("TLS handshake timeout", "handshake timed out")),
            new Signature("connect_timeout", List.of("connect timed out", "Connect timed out", "ConnectTimeoutException",
                    "Connection timed out", "connection timed out", "HttpConnectTimeoutException", "ConnectTimeoutError",
                    "Connect timeout on endpoint URL", "Operation timed out", "operation timed out", "ETIMEDOUT",
                    "Timeout was reached", "SocketTimeoutException: Failed to connect to",
                    "SocketTimeoutException: failed to connect to")),
            new Signature("read_timed_out", List.of("Read timed out", "read timed out", "SocketTimeoutException: timeout")),
            new Signature("context_deadline_exceeded", List.of("context deadline exceeded", "Client.Timeout exceeded")),
            new Signature("connection_refused", List.of("Connection refused", "connection refused", "ECONNREFUSED",
                    "The connection attempt failed", "was refused - did you specify the right host or port")),
            new Signature("connection_reset", List.of("Connection reset", "connection reset by peer", "ECONNRESET")),
            new Signature("no_route_to_host", List.of("No route to host", "no route to host", "NoRouteToHostException",
                    "EHOSTUNREACH", "Network is unreachable", "network is unreachable", "Host is unreachable")),
            new Signature("unknown_host", List.of("UnknownHostException", "no such host", "Name or service not known",
                    "Temporary failure in name resolution", "nodename nor servname", "Name does not resolve", "ENOTFOUND")),
            new Signature("tls_error", List.of("SSLHandshakeException", "SSLException", "x509: certificate",
                    "PKIX path building failed")),
            new Signature("http_429", List.of("429 Too Many Requests", "Too Many Requests", "Status Code: 429",
                    "status code 429", "HTTP 429", "TooManyRequests")),
            new Signature("throttling", List.of("Rate exceeded", "Error Code: Throttling", "ThrottlingException",
                    "RequestLimitExceeded")),
            new Signature("http_5xx", List.of("503 Service Unavailable", "502 Bad Gateway", "504 Gateway Timeout",
                    "500 Internal Server Error", "Internal Server Error", "Status Code: 503", "Status Code: 500")),
            new Signature("unauthorized", List.of("(Unauthorized)", "You must be logged in", "401 Unauthorized",
                    "error executing access token command")),
            new Signature("forbidden", List.of("(Forbidden)", "is forbidden", "403 Forbidden", "AccessDenied")),
            new Signature("out_of_memory", List.of("OutOfMemoryError")));

    /**
     * A connection that failed without saying how (OkHttp's {@code ConnectException: Failed to connect to
     * host/ip:port} whose cause is elsewhere, botocore's {@code EndpointConnectionError}); named only when no
     * more specific network signature matched, so one failure never makes two bursts.
     */
    public static final Signature CONNECT_FAILED = new Signature("connect_failed", List.of("Failed to connect to",
            "failed to connect to", "Could not connect to the endpoint URL", "Could not connect to server"));

    private static final Set<String> NETWORK = Set.of("io_timeout", "tls_handshake_timeout", "connect_timeout",
            "read_timed_out", "context_deadline_exceeded", "connection_refused", "connection_reset",
            "no_route_to_host", "unknown_host", "tls_error", CONNECT_FAILED.name());

    private static final String IP4 = "[\\d*]{1,3}(?:\\.[\\d*]{1,3}){3}";
    private static final String HOST = "[\\w\\-]+(?:\\.[\\w\\-]+)*";

    /** How each client names its peer, most specific first; the first form that matches gives the targets. */
    private static final List<TargetForm> FORMS = List.of(
            // Go: dial tcp 10.0.0.1:443: i/o timeout
            new TargetForm("dial tcp ([\\w.*\\-\\[\\]:]+?:\\d{1,5})\\b", m -> m.group(1)),
            // Go: read tcp 10.0.0.5:51234->10.0.0.1:443: read: connection reset by peer (the peer is after ->)
            new TargetForm("(?:read|write) tcp \\S+?->([\\w.*\\-\\[\\]:]+?:\\d{1,5})\\b", m -> m.group(1)),
            // Apache HttpClient 4.3+/5: Connect to [https://]host:443 [host/1.2.3.4] failed
            new TargetForm("Connect to (?:https?://)?(" + HOST + "):(\\d{1,5}) \\[(?:" + HOST + ")?/(" + IP4 + ")",
                    m -> m.group(3) + ":" + m.group(2)),
            // Netty, OkHttp, HttpClient <= 4.2: host/1.2.3.4:443
            new TargetForm("(?<![\\w.])(?:" + HOST + ")?/(" + IP4 + "):(\\d{1,5})\\b", m -> m.group(1) + ":" + m.group(2)),
            // Android libcore under OkHttp: failed to connect to host/1.2.3.4 (port 443) [from /… (port …)] after …
            new TargetForm("(?:" + HOST + ")?/(" + IP4 + ") \\(port (\\d{1,5})\\)", m -> m.group(1) + ":" + m.group(2)),
            // Node: connect ETIMEDOUT 13.110.0.73:443
            new TargetForm("\\bE[A-Z]{4,} (" + HOST + "):(\\d{1,5})\\b", m -> m.group(1) + ":" + m.group(2)),
            // curl: (28) Failed to connect to host port 443 after 130061 ms
            new TargetForm("[Ff]ailed to connect to (" + HOST + ") port (\\d{1,5})\\b", m -> m.group(1) + ":" + m.group(2)),
            // requests/urllib3: HTTPSConnectionPool(host='10.0.0.1', port=443)
            new TargetForm("ConnectionPool\\(host='([^']+)', port=(\\d{1,5})\\)", m -> m.group(1) + ":" + m.group(2)),
            // kubectl: The connection to the server 10.0.0.1:6443 was refused
            new TargetForm("connection to the server (" + HOST + ":\\d{1,5}) was refused", m -> m.group(1)),
            new TargetForm("(?:[Cc]onnect(?:ion)? to|[Ff]ailed to connect to|refused:)\\s+(?:https?://)?(" + HOST + "):(\\d{1,5})\\b",
                    m -> m.group(1) + ":" + m.group(2)),
            // urllib3: Connection to api.example.com timed out. (connect timeout=10)
            new TargetForm("Connection to (" + HOST + ") timed out", m -> m.group(1)),
            new TargetForm("UnknownHostException: (" + HOST + ")", m -> m.group(1)),
            // Node: getaddrinfo ENOTFOUND registry.npmjs.org registry.npmjs.org:443
            new TargetForm("getaddrinfo ENOTFOUND (" + HOST + ")(?: " + HOST + ":(\\d{1,5}))?",
                    m -> m.group(2) == null ? m.group(1) : m.group(1) + ":" + m.group(2)),
            // Go: dial tcp: lookup api.example.com on 10.0.0.2:53: no such host (the address is the resolver)
            new TargetForm("lookup (" + HOST + ") on ", m -> m.group(1)),
            new TargetForm("https?://(" + HOST + ")(?::(\\d{1,5}))?", m -> m.group(2) == null ? m.group(1) : m.group(1) + ":" + m.group(2)));

    /** Where a host name stands beside the IP a target names: {@code host/1.2.3.4:443} → host:443. */
    private static final Pattern HOST_BESIDE_IP = Pattern.compile("(?<![\\w.])(" + HOST + ")/(" + IP4 + ")(?::| \\(port )(\\d{1,5})");

    private record TargetForm(Pattern pattern, Function<Matcher, String> target) {
        TargetForm(String regex, Function<Matcher, String> target) {
            this(Pattern.compile(regex), target);
        }
    }

    private FailureSignatures() {
    }

    /** Adds every signature found in the text, and the targets of network failures, to the builder. */
    public static void apply(CharSequence text, Event.Builder into) {
        String s = text.toString();
        boolean network = false;
        for (Signature sig : CATALOGUE) {
            if (matches(s, sig)) {
                into.error(sig.name());
                network |= NETWORK.contains(sig.name());
            }
        }
        if (!network && matches(s, CONNECT_FAILED)) {
            into.error(CONNECT_FAILED.name());
            network = true;
        }
        if (network) {
            targets(s).forEach(into::target);
        }
    }

    private static boolean matches(String s, Signature sig) {
        for (String phrase : sig.phrases()) {
            if (s.contains(phrase)) {
                return true;
            }
        }
        return false;
    }

    /**
     * What a failing call names as its peer, best first: {@code ip:port} when the text has the IP, then the
     * host name that stood beside it ({@code host:port}), or the host alone when that is all there is.
     */
    static List<String> targets(String s) {
        LinkedHashSet<String> out = new LinkedHashSet<>();
        for (TargetForm form : FORMS) {
            Matcher m = form.pattern().matcher(s);
            while (m.find()) {
                out.add(form.target().apply(m));
            }
            if (!out.isEmpty()) {
                break;
            }
        }
        Matcher h = HOST_BESIDE_IP.matcher(s);
        while (h.find()) {
            if (!IpAddresses.isIp(h.group(1))) {
                out.add(h.group(1) + ":" + h.group(3));
            }
        }
        return List.copyOf(out);
    }
}
