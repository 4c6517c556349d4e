package dev.rootline.serve;

import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Set;

/**
 * Who may read and who may write. Log text is attacker-controlled and the page runs in the analyst's browser, so:
 * <ul>
 *   <li>on a loopback address anyone on this machine may read, but only with a {@code Host} of this machine
 *       (a DNS-rebinding page names its own host); on any other address every request needs the token
 *       ({@code X-Rootline-Token} header, or the cookie {@code GET /?token=T} sets once);</li>
 *   <li>a write needs the token in the header (a cookie alone is what a cross-site request would carry) and a
 *       same-origin request ({@code Origin} equal to ours, or {@code Sec-Fetch-Site: same-origin}; a client
 *       that sends neither is not a browser);</li>
 *   <li>{@code --read-only} refuses every write.</li>
 * </ul>
 */
final class Access {
    static final String TOKEN_HEADER = "X-Rootline-Token";
    static final String COOKIE = "rootline_token";

    private final String token;
    private final boolean loopback;
    private final boolean readOnly;
    private final int port;

    Access(String token, boolean loopback, boolean readOnly, int port) {
        this.token = token;
        this.loopback = loopback;
        this.readOnly = readOnly;
        this.port = port;
    }

    /** A token of 128 random bits, in hex. */
    static String newToken() {
        byte[] b = new byte[16];
        new SecureRandom().nextBytes(b);
        return HexFormat.of().formatHex(b);
    }

    static boolean isLoopback(String host) {
        try {
            return InetAddress.getByName(host).isLoopbackAddress();
        } catch (java.net.UnknownHostException e) {
            return false;
        }
    }

    boolean readOnly() {
        return readOnly;
    }

    String token() {
        return token;
    }

    Access onPort(int actualPort) {
        return new Access(token, loopback, readOnly, actualPort);
    }

    /** Throws unless the request may read. */
    void checkRead(Exchange x) {
        checkHost(x);
        if (!loopback && !hasToken(x, true)) {
            throw new ApiError(401, "this server needs its token: open the URL it printed with ?token=…, or send "
                    + TOKEN_HEADER);
        }
    }

    /** Throws unless the request may write. */
    void checkWrite(Exchange x) {
        checkRead(x);
        if (readOnly) {
            throw new ApiError(403, "the server runs with --read-only");
        }
        if (!hasToken(x, false)) {
            throw new ApiError(403, "writes need the server's token in the " + TOKEN_HEADER + " header");
        }
        if (!sameOrigin(x)) {
            throw new ApiError(403, "writes must come from this server's own page");
        }
    }

    /** Whether the request carries the token: in the header, or (for reads) in the cookie. */
    boolean hasToken(Exchange x, boolean cookieToo) {
        if (matches(x.header(TOKEN_HEADER))) {
            return true;
        }
        return cookieToo && matches(cookie(x.header("Cookie")));
    }

    boolean matches(String candidate) {
        return candidate != null && MessageDigest.isEqual(candidate.getBytes(StandardCharsets.UTF_8),
                token.getBytes(StandardCharsets.UTF_8));
    }

    /** The Set-Cookie value that lets the browser read without sending the header itself (reports, links). */
    String cookieHeader() {
        return COOKIE + "=" + token + "; Path=/; HttpOnly; SameSite=Strict";
    }

    private void checkHost(Exchange x) {
        if (!loopback) {
            return;
        }
        String host = x.header("Host");
        Set<String> ours = Set.of("127.0.0.1:" + port, "localhost:" + port, "[::1]:" + port);
        if (host == null || !ours.contains(host.toLowerCase(Locale.ROOT))) {
            throw new ApiError(421, "this server answers only requests for 127.0.0.1:" + port + " or localhost:" + port);
        }
    }

    private static boolean sameOrigin(Exchange x) {
        String fetchSite = x.header("Sec-Fetch-Site");
        String origin = x.header("Origin");
        if (origin != null) {
            String host = x.header("Host");
            return host != null && (origin.equalsIgnoreCase("http://" + host));
        }
        return fetchSite == null || "same-origin".equals(fetchSite);
    }

    private static String cookie(String header) {
        if (header == null) {
            return null;
        }
        for (String part : header.split(";")) {
            String p = part.trim();
            if (p.startsWith(COOKIE + "=")) {
                return p.substring(COOKIE.length() + 1);
            }
        }
        return null;
    }
}
