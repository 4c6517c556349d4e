package dev.rootline.solrnode;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

/**
 * A SolrCloud in this JVM: an embedded ZooKeeper and N Solr 9 nodes, as {@code rootline solr start} runs it in the
 * background and as tests run it beside them. Its classpath is Solr's own (Lucene 9, Jetty 10), never rootline's.
 *
 * <pre>
 * java -jar rootline-solr-node.jar --dir D [--nodes N] [--port P] [--zk-port Z] [--security-json F] [--control stdin] [--mini true]
 * </pre>
 *
 * <p>When every node is live it prints {@code ready <zkHost>} on standard output and writes {@code D/cluster.properties}.
 * With {@code --control stdin} it then reads commands, one a line, and answers each on standard output:
 * {@code stop N} and {@code start N} (node N, from 1), {@code quit}; end of input quits too. Without it, it runs until
 * it is sent SIGTERM ({@code rootline solr stop}), and stops ZooKeeper and the nodes cleanly then.
 */
public final class SolrNodeMain {
    private SolrNodeMain() {
    }

    public static void main(String[] args) throws Exception {
        Map<String, String> opts = options(args);
        Path dir = Path.of(opts.getOrDefault("--dir", "rootline-solr")).toAbsolutePath();
        int nodes = Integer.parseInt(opts.getOrDefault("--nodes", "1"));
        int port = Integer.parseInt(opts.getOrDefault("--port", "0"));
        int zkPort = Integer.parseInt(opts.getOrDefault("--zk-port", port == 0 ? "0" : String.valueOf(port + 1000)));
        String security = opts.containsKey("--security-json") ? Files.readString(Path.of(opts.get("--security-json"))) : null;
        PrintStream out = new PrintStream(System.out, true, StandardCharsets.UTF_8);

        Cloud cloud = Boolean.parseBoolean(opts.get("--mini")) ? MiniCloud.start(dir, nodes)
                : LocalCloud.start(dir, nodes, port, zkPort, security);
        Runtime.getRuntime().addShutdownHook(new Thread(cloud::close, "rootline-solr-shutdown"));
        cloud.writeDescription(dir.resolve("cluster.properties"), ProcessHandle.current().pid());
        out.println("ready " + cloud.zkHost());

        if (!"stdin".equals(opts.get("--control"))) {
            Thread.currentThread().join(); // until SIGTERM; the hook stops the cloud
            return;
        }
        BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
        for (String line; (line = in.readLine()) != null; ) {
            if (line.isBlank()) {
                continue;
            }
            String[] cmd = line.trim().split("\\s+");
            try {
                switch (cmd[0]) {
                    case "stop" -> {
                        cloud.stopNode(Integer.parseInt(cmd[1]));
                        out.println("stopped " + cmd[1]);
                    }
                    case "start" -> {
                        cloud.startNode(Integer.parseInt(cmd[1]));
                        out.println("started " + cmd[1]);
                    }
                    case "quit" -> {
                        System.exit(0);
                    }
                    default -> out.println("error unknown command: " + line);
                }
            } catch (Exception e) {
                out.println("error " + e);
            }
        }
        System.exit(0);
    }

    private static Map<String, String> options(String[] args) {
        Map<String, String> out = new HashMap<>();
        for (int i = 0; i + 1 < args.length; i += 2) {
            if (!args[i].startsWith("--")) {
                throw new IllegalArgumentException("expected an option, got " + args[i]);
            }
            out.put(args[i], args[i + 1]);
        }
        return out;
    }
}
