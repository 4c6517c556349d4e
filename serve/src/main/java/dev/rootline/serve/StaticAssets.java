package dev.rootline.serve;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.HashMap;
import java.util.Map;

/**
 * The page and its scripts and styles, bundled in the jar under {@code dev/rootline/serve/web/} and read once at
 * start: nothing is fetched at run time, so the page works offline. Only the files listed here are served.
 */
final class StaticAssets {
    private static final String ROOT = "/dev/rootline/serve/web/";
    private static final Map<String, String> FILES = Map.of(
            "index.html", "text/html; charset=utf-8",
            "app.css", "text/css; charset=utf-8",
            "app.js", "text/javascript; charset=utf-8",
            "api.js", "text/javascript; charset=utf-8",
            "dom.js", "text/javascript; charset=utf-8",
            "chart.js", "text/javascript; charset=utf-8",
            "detail.js", "text/javascript; charset=utf-8",
            "favicon.svg", "image/svg+xml");

    private final Map<String, byte[]> bodies = new HashMap<>();

    StaticAssets() {
        for (String name : FILES.keySet()) {
            try (InputStream in = StaticAssets.class.getResourceAsStream(ROOT + name)) {
                if (in == null) {
                    throw new IllegalStateException("the jar lacks " + ROOT + name);
                }
                bodies.put(name, in.readAllBytes());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    /** Whether {@code path} ({@code /} or {@code /app.js}…) is one of the page's files. */
    boolean has(String path) {
        return bodies.containsKey(name(path));
    }

    void serve(Exchange x) throws IOException {
        String name = name(x.path());
        // the page is small and changes with the jar: revalidating it costs nothing on a local server
        x.http().getResponseHeaders().set("Cache-Control", "no-cache");
        x.bytes(200, FILES.get(name), bodies.get(name));
    }

    private static String name(String path) {
        return path.equals("/") ? "index.html" : path.substring(1);
    }
}
