package dev.rootline.serve;

/**
 * How {@code rootline serve} listens.
 *
 * @param host     address to bind; a non-loopback one needs a token
 * @param port     0 for any free port
 * @param token    the token writes (and, off loopback, reads) need; null to generate one
 * @param readOnly refuse every write (annotations, investigations)
 * @param threads  requests served at once; more wait in a bounded queue
 */
public record ServeSettings(String host, int port, String token, boolean readOnly, int threads) {
    public ServeSettings {
        if (host == null || host.isBlank()) {
            throw new IllegalArgumentException("--host needs an address");
        }
        if (port < 0 || port > 65535) {
            throw new IllegalArgumentException("--port must be 0 to 65535, got " + port);
        }
        if (token != null && token.length() < 16) {
            throw new IllegalArgumentException("--token must be at least 16 characters");
        }
        if (threads < 1) {
            throw new IllegalArgumentException("threads must be at least 1");
        }
    }

    public static ServeSettings local(int port) {
        return new ServeSettings("127.0.0.1", port, null, false, defaultThreads());
    }

    public static int defaultThreads() {
        return Math.max(4, 2 * Runtime.getRuntime().availableProcessors());
    }

    public ServeSettings withToken(String t) {
        return new ServeSettings(host, port, t, readOnly, threads);
    }
}
