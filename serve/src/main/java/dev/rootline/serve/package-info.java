/**
 * {@code rootline serve}: a local web UI and JSON API over the index.
 *
 * <p>Start one with {@code RootlineServer.start(index, settings, runner, log)}; {@code url()} is the page.
 * The server is the JDK's {@code com.sun.net.httpserver} on a bounded pool. The API under {@code /api} (search,
 * histogram, facets, events, annotations, investigations) answers JSON; the page ({@code /}) and its ES modules
 * are bundled under {@code dev/rootline/serve/web/} and fetch nothing from elsewhere. {@link dev.rootline.serve.Access}
 * holds the security model; {@link dev.rootline.serve.LiveIndex} keeps the searcher on the latest commit.
 */
package dev.rootline.serve;
