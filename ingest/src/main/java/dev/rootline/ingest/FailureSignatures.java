package dev.rootline.ingest;

import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Names the failure in a piece of log text with a stable signature ({@code io_timeout},
 * {@code connection_refused}…) and pulls out what the failing call was talking to.
 *
 * <p>Signatures are matched on literal phrases (cheap {@code indexOf}), so INFO lines cost almost nothing;
 * the regexes for targets run only when a signature matched.
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
            new Signature("connect_timeout", List.of("connect timed out", "ConnectTimeoutException", "Connection timed out",
                    "connection timed out")),
            new Signature("read_timed_out", List.of("Read timed out", "read timed out", "SocketTimeoutException: timeout")),
            new Signature("context_deadline_exceeded", List.of("context deadline exceeded", "Client.Timeout exceeded")),
            new Signature("connection_refused", List.of("Connection refused", "connection refused", "ECONNREFUSED",
                    "The connection attempt failed")),
            new Signature("connection_reset", List.of("Connection reset", "connection reset by peer", "ECONNRESET")),
            new Signature("no_route_to_host", List.of("No route to host", "no route to host", "EHOSTUNREACH",
                    "Network is unreachable", "network is unreachable")),
            new Signature("unknown_host", List.of("UnknownHostException", "no such host", "Name or service not known",
                    "Temporary failure in name resolution", "nodename nor servname")),
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

    private static final Pattern DIAL = Pattern.compile("dial tcp ([\\w.*\\-\\[\\]:]+?:\\d{1,5})\\b");
    private static final Pattern CONNECT_TO = Pattern.compile(
            "(?:[Cc]onnect(?:ion)? to|[Ff]ailed to connect to|refused:)\\s+(?:https?://)?([\\w.\\-]+?)(?:/[\\d.]+)?:(\\d{1,5})\\b");
    private static final Pattern URL = Pattern.compile("https?://([\\w.\\-]+)(?::(\\d{1,5}))?");
    private static final Pattern UNKNOWN_HOST = Pattern.compile("UnknownHostException: ([\\w.\\-]+)");
    private static final Set<String> NETWORK = Set.of("io_timeout", "tls_handshake_timeout", "connect_timeout",
            "read_timed_out", "context_deadline_exceeded", "connection_refused", "connection_reset",
            "no_route_to_host", "unknown_host", "tls_error");

    private FailureSignatures() {
    }

    /** Adds every signature found in the text, and the targets of network failures, to the builder. */
    public static void apply(CharSequence text, Event.Builder into) {
        String s = text.toString();
        boolean network = false;
        for (Signature sig : CATALOGUE) {
            for (String phrase : sig.phrases()) {
                if (s.contains(phrase)) {
                    into.error(sig.name());
                    network |= NETWORK.contains(sig.name());
                    break;
                }
            }
        }
        if (network) {
            targets(s).forEach(into::target);
        }
    }

    /** host:port (or host) that a failing call names, most specific pattern first. */
    static List<String> targets(String s) {
        java.util.LinkedHashSet<String> out = new java.util.LinkedHashSet<>();
        Matcher m = DIAL.matcher(s);
        while (m.find()) {
            out.add(m.group(1));
        }
        if (out.isEmpty()) {
            m = CONNECT_TO.matcher(s);
            while (m.find()) {
                out.add(m.group(1) + ":" + m.group(2));
            }
        }
        if (out.isEmpty()) {
            m = UNKNOWN_HOST.matcher(s);
            while (m.find()) {
                out.add(m.group(1));
            }
        }
        if (out.isEmpty()) {
            m = URL.matcher(s);
            if (m.find()) {
                out.add(m.group(2) == null ? m.group(1) : m.group(1) + ":" + m.group(2));
            }
        }
        return List.copyOf(out);
    }
}
