package dev.rootline.serve;

import dev.rootline.index.EventIndex;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;

/**
 * The server's latency as the page sees it: a real HTTP client against a server on a free port, over an index on
 * disk. Each request is run {@code --runs} times after {@code --warmup} unmeasured ones; p50, p90, p99 and max of
 * the whole round trip (JSON written and read) are printed as a Markdown table.
 *
 * <pre>java -cp 'cli/target/rootline.jar:cli/target/lib/*' dev.rootline.serve.ServeBench --index DIR [--runs 50] [--warmup 10]</pre>
 */
public final class ServeBench {
    private ServeBench() {
    }

    record Case(String name, String path) {
    }

    public static void main(String[] args) throws Exception {
        String index = arg(args, "--index", "rootline-index");
        int runs = Integer.parseInt(arg(args, "--runs", "50"));
        int warmup = Integer.parseInt(arg(args, "--warmup", "10"));
        List<Case> cases = List.of(
                new Case("search, first page (100), everything", "/api/search?limit=100"),
                new Case("search, first page, `error:io_timeout`", "/api/search?limit=100&q=" + q("error:io_timeout")),
                new Case("search, first page, `source:cloudtrail AND eventName:CreateNetworkInterface`",
                        "/api/search?limit=100&q=" + q("source:cloudtrail AND eventName:CreateNetworkInterface")),
                new Case("histogram, 120 buckets, everything", "/api/histogram?buckets=120"),
                new Case("histogram, 120 buckets, `error:io_timeout`", "/api/histogram?buckets=120&q=" + q("error:io_timeout")),
                new Case("facets, everything", "/api/facets"),
                new Case("facets, `error:io_timeout`", "/api/facets?q=" + q("error:io_timeout")));
        HttpClient client = HttpClient.newHttpClient();
        try (RootlineServer server = RootlineServer.start(EventIndex.open(index, java.util.Map.of()), ServeSettings.local(0), null, System.err)) {
            System.out.println("| request | p50 | p90 | p99 | max |");
            System.out.println("|---|---:|---:|---:|---:|");
            for (Case c : cases) {
                URI uri = server.url().resolve(c.path());
                for (int i = 0; i < warmup; i++) {
                    get(client, uri);
                }
                long[] nanos = new long[runs];
                for (int i = 0; i < runs; i++) {
                    long t = System.nanoTime();
                    get(client, uri);
                    nanos[i] = System.nanoTime() - t;
                }
                Arrays.sort(nanos);
                System.out.printf("| %s | %s | %s | %s | %s |%n", c.name(), ms(pct(nanos, 50)), ms(pct(nanos, 90)),
                        ms(pct(nanos, 99)), ms(nanos[nanos.length - 1]));
            }
        }
    }

    private static void get(HttpClient client, URI uri) throws IOException, InterruptedException {
        HttpResponse<byte[]> r = client.send(HttpRequest.newBuilder(uri).build(), HttpResponse.BodyHandlers.ofByteArray());
        if (r.statusCode() != 200) {
            throw new IllegalStateException(uri + " answered " + r.statusCode() + ": " + new String(r.body(), StandardCharsets.UTF_8));
        }
    }

    private static long pct(long[] sorted, int p) {
        return sorted[Math.min(sorted.length - 1, (int) Math.ceil(p / 100.0 * sorted.length) - 1)];
    }

    private static String ms(long nanos) {
        return String.format(java.util.Locale.ROOT, "%.1f ms", nanos / 1e6);
    }

    private static String q(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    private static String arg(String[] args, String name, String fallback) {
        for (int i = 0; i < args.length - 1; i++) {
            if (args[i].equals(name)) {
                return args[i + 1];
            }
        }
        return fallback;
    }
}
