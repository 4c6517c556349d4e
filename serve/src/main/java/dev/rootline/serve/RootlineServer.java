package dev.rootline.serve;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.rootline.index.EventIndex;
import dev.rootline.index.IndexException;
import dev.rootline.index.QuerySyntaxException;
import dev.rootline.index.annotate.Annotations;

import java.io.IOException;
import java.io.PrintStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * {@code rootline serve}: the JDK's own HTTP server (no dependency, and no Jetty to clash with SolrJ's) on a bounded
 * pool, answering the JSON API under {@code /api}, the reports under {@code /reports} and the bundled page.
 * Every request passes {@link Access}; every answer carries a strict content security policy.
 */
public final class RootlineServer implements AutoCloseable {
    private static final int QUEUE = 256;

    static {
        // the JDK server writes headers and body apart: with Nagle's algorithm against the client's delayed ACK a
        // small answer waited 40 ms (45 ms per page of 7 hits, 2 ms with this); read once, when the first server starts
        if (System.getProperty("sun.net.httpserver.nodelay") == null) {
            System.setProperty("sun.net.httpserver.nodelay", "true");
        }
    }

    private final HttpServer http;
    private final ThreadPoolExecutor pool;
    private final LiveIndex live;
    private final Access access;
    private final Annotations annotations;
    private final Investigations investigations;
    private final StaticAssets assets = new StaticAssets();
    private final SearchApi search;
    private final HistogramApi histogram = new HistogramApi();
    private final FacetsApi facets = new FacetsApi();
    private final EventApi events;
    private final AnnotationApi annotate;
    private final ReportFiles reportFiles;
    private final PrintStream log;
    private final String host;

    private RootlineServer(EventIndex index, ServeSettings settings, InvestigationRunner runner, PrintStream log) throws IOException {
        this.log = log;
        this.host = settings.host();
        this.live = new LiveIndex(index);
        this.annotations = Annotations.open(index.directory());
        Path reports = index.directory().resolve("reports");
        this.investigations = new Investigations(reports, runner);
        this.search = new SearchApi(annotations);
        this.events = new EventApi(annotations);
        this.annotate = new AnnotationApi(annotations);
        this.reportFiles = new ReportFiles(reports);
        boolean loopback = Access.isLoopback(settings.host());
        this.http = HttpServer.create(new InetSocketAddress(settings.host(), settings.port()), 64);
        String token = settings.token() != null ? settings.token() : Access.newToken();
        this.access = new Access(token, loopback, settings.readOnly(), http.getAddress().getPort());
        AtomicInteger n = new AtomicInteger();
        this.pool = new ThreadPoolExecutor(settings.threads(), settings.threads(), 60, TimeUnit.SECONDS,
                new ArrayBlockingQueue<>(QUEUE), r -> {
                    Thread t = new Thread(r, "rootline-serve-" + n.incrementAndGet());
                    t.setDaemon(true);
                    return t;
                }, new ThreadPoolExecutor.CallerRunsPolicy()); // a full queue slows the acceptor instead of dropping
        http.setExecutor(pool);
        http.createContext("/", this::dispatch);
    }

    /**
     * Starts serving {@code index}.
     *
     * @param runner how investigations run (the CLI passes {@code investigate}'s own path); null to offer none
     * @param log    where request failures are noted
     */
    public static RootlineServer start(EventIndex index, ServeSettings settings, InvestigationRunner runner, PrintStream log)
            throws IOException {
        RootlineServer s = new RootlineServer(index, settings, runner, log);
        s.http.start();
        return s;
    }

    /** The page's address, with the port actually bound. */
    public URI url() {
        String h = host.contains(":") && !host.startsWith("[") ? "[" + host + "]" : host;
        return URI.create("http://" + h + ":" + port() + "/");
    }

    public int port() {
        return http.getAddress().getPort();
    }

    public String token() {
        return access.token();
    }

    /** Whether reads need the token too (a non-loopback address). */
    public boolean tokenNeededToRead() {
        return !Access.isLoopback(host);
    }

    @Override
    public void close() {
        http.stop(0);
        pool.shutdownNow();
        investigations.close();
        live.close();
    }

    private void dispatch(HttpExchange he) {
        Exchange x;
        try {
            x = new Exchange(he);
        } catch (ApiError e) {
            answerQuietly(he, e);
            return;
        }
        try {
            route(x);
        } catch (ApiError e) {
            answer(x, e);
        } catch (QuerySyntaxException e) {
            answer(x, new ApiError(400, e.getMessage(), e.position()));
        } catch (IndexException e) {
            answer(x, new ApiError(503, e.getMessage()));
        } catch (IllegalArgumentException e) {
            answer(x, ApiError.badRequest(e.getMessage()));
        } catch (IOException e) {
            if (isClientGone(e)) {
                he.close(); // the browser moved on before the answer was written
                return;
            }
            log.println("rootline serve: " + x.method() + " " + x.path() + " failed: " + e);
            answer(x, new ApiError(500, "internal error: " + e.getClass().getSimpleName()));
        } catch (Exception | Error e) {
            log.println("rootline serve: " + x.method() + " " + x.path() + " failed: " + e);
            answer(x, new ApiError(500, "internal error: " + e.getClass().getSimpleName()));
        }
    }

    private static boolean isClientGone(IOException e) {
        String m = String.valueOf(e.getMessage());
        return m.contains("Broken pipe") || m.contains("Connection reset") || m.contains("stream is closed");
    }

    private void route(Exchange x) throws IOException {
        String path = x.path();
        List<String> parts = Paths.segments(x.http());
        String method = x.method();
        boolean read = method.equals("GET") || method.equals("HEAD");
        if (!path.startsWith("/api/") && !path.startsWith("/reports/")) {
            if (!read) {
                throw new ApiError(405, "the page takes GET");
            }
            if (path.equals("/") && x.param("token") != null) {
                tokenLogin(x);
                return;
            }
            if (!assets.has(path)) {
                throw ApiError.notFound("no such page");
            }
            assets.serve(x);
            return;
        }
        if (read) {
            access.checkRead(x);
        } else if (method.equals("POST") || method.equals("DELETE")) {
            access.checkWrite(x);
        } else {
            throw new ApiError(405, method + " is not served");
        }
        if (parts.get(0).equals("reports")) {
            need(read && parts.size() == 3);
            reportFiles.handle(x, parts.get(1), parts.get(2));
            return;
        }
        String api = parts.size() > 1 ? parts.get(1) : "";
        switch (api) {
            case "session" -> session(x);
            case "search" -> withSearcher(x, read && parts.size() == 2, s -> search.handle(x, s));
            case "histogram" -> withSearcher(x, read && parts.size() == 2, s -> histogram.handle(x, s));
            case "facets" -> withSearcher(x, read && parts.size() == 2, s -> facets.handle(x, s));
            case "annotations" -> {
                need(read && parts.size() == 2);
                annotate.list(x);
            }
            case "events" -> eventRoutes(x, parts, method);
            case "investigations" -> investigationRoutes(x, parts, method);
            default -> throw ApiError.notFound("no such API: " + path);
        }
    }

    private void eventRoutes(Exchange x, List<String> parts, String method) throws IOException {
        need(parts.size() == 3 || parts.size() == 4 && parts.get(3).equals("annotation"));
        String id = parts.get(2);
        if (parts.size() == 3) {
            withSearcher(x, method.equals("GET") || method.equals("HEAD"), s -> events.handle(x, s, id));
        } else if (method.equals("POST")) {
            withSearcher(x, true, s -> annotate.post(x, s, id));
        } else {
            withSearcher(x, method.equals("DELETE"), s -> annotate.delete(x, s, id));
        }
    }

    private void investigationRoutes(Exchange x, List<String> parts, String method) throws IOException {
        if (parts.size() == 2 && method.equals("POST")) {
            var body = x.jsonBody();
            Instant from = time(body.path("from").asText(null));
            Instant to = time(body.path("to").asText(null));
            if (from != null && to != null && !from.isBefore(to)) {
                throw ApiError.badRequest("from is not before to");
            }
            var job = investigations.start(from, to);
            x.json(202, g -> investigations.write(g, job));
        } else if (parts.size() == 2 && method.equals("GET")) {
            List<String> past = investigations.past();
            x.json(200, g -> {
                g.writeStartObject();
                g.writeBooleanField("available", investigations.available() && !access.readOnly());
                g.writeArrayFieldStart("investigations");
                for (String id : past) {
                    investigations.write(g, investigations.job(id));
                }
                g.writeEndArray();
                g.writeEndObject();
            });
        } else if (parts.size() == 3 && method.equals("GET")) {
            var job = investigations.job(parts.get(2));
            x.json(200, g -> investigations.write(g, job));
        } else {
            throw ApiError.notFound("no such API: " + x.path());
        }
    }

    private static Instant time(String iso) {
        if (iso == null || iso.isBlank()) {
            return null;
        }
        try {
            return Instant.parse(iso);
        } catch (RuntimeException e) {
            throw ApiError.badRequest("not an ISO-8601 instant: " + iso);
        }
    }

    /** What the page needs to know about this server; the token only goes to a request that may read. */
    private void session(Exchange x) throws IOException {
        Instant[] bounds;
        try (LiveIndex.Lease lease = live.acquire()) {
            bounds = lease.searcher().timeBounds();
        }
        x.json(200, g -> {
            g.writeStartObject();
            g.writeStringField("index", live.index().location());
            // the presets count back from the evidence's last event: an incident is rarely in the last hour
            g.writeStringField("first", bounds == null ? null : bounds[0].toString());
            g.writeStringField("last", bounds == null ? null : bounds[1].toString());
            g.writeBooleanField("readOnly", access.readOnly());
            g.writeBooleanField("investigations", investigations.available() && !access.readOnly());
            // the page sends it back in the header on writes; a cross-origin page cannot read this answer
            g.writeStringField("token", access.readOnly() ? null : access.token());
            g.writeEndObject();
        });
    }

    /** {@code /?token=T}: a valid token becomes an HttpOnly cookie, and the address loses it (no token in history). */
    private void tokenLogin(Exchange x) throws IOException {
        if (!access.matches(x.param("token"))) {
            throw new ApiError(401, "wrong token");
        }
        x.http().getResponseHeaders().add("Set-Cookie", access.cookieHeader());
        String query = x.http().getRequestURI().getRawQuery().replaceAll("(^|&)token=[^&]*", "").replaceFirst("^&", "");
        x.redirect(query.isEmpty() ? "/" : "/?" + query);
    }

    private void withSearcher(Exchange x, boolean allowed, SearcherHandler h) throws IOException {
        need(allowed);
        try (LiveIndex.Lease lease = live.acquire()) {
            h.handle(lease.searcher());
        }
    }

    private static void need(boolean ok) {
        if (!ok) {
            throw new ApiError(405, "method or path not served");
        }
    }

    private void answer(Exchange x, ApiError e) {
        try {
            x.error(e);
        } catch (IOException io) {
            x.http().close(); // the client went away
        }
    }

    private static void answerQuietly(HttpExchange he, ApiError e) {
        try {
            byte[] body = ("{\"error\":\"" + e.getMessage().replace("\"", "'") + "\"}").getBytes(StandardCharsets.UTF_8);
            he.getResponseHeaders().set("Content-Type", "application/json; charset=utf-8");
            he.sendResponseHeaders(e.status(), body.length);
            he.getResponseBody().write(body);
        } catch (IOException ignored) {
            // the client went away
        } finally {
            he.close();
        }
    }

    @FunctionalInterface
    private interface SearcherHandler {
        void handle(EventIndex.Searcher searcher) throws IOException;
    }
}
