package dev.rootline.ingest.fuzz;

import dev.rootline.ingest.EventParser;
import org.junit.jupiter.api.Named;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;

/**
 * The log envelopes, each under the file names kubelet gives container logs (which name pod, namespace and
 * container) and under a plain one: the envelope unwrapped, split lines joined per stream, each stream's inner
 * format read. The input's last byte picks envelope and name; the rest is the file.
 */
class EnvelopeFuzzTest extends FuzzTarget {
    private static final List<EventParser> ENVELOPES = Stream.of("cri", "docker-json", "kubectl-logs", "cloudwatch-logs",
            "logs-insights-csv", "fluent-bit", "ecs-json").map(FuzzContract::parser).toList();
    private static final List<String> NAMES = List.of(
            "evidence.log",
            "web-7d9f8_prod_app-" + "0123456789abcdef".repeat(4) + ".log",
            "prod_web-7d9f8_0f1e2d3c-4b5a-6978-8796-a5b4c3d2e1f0/app/0.log");

    EnvelopeFuzzTest() {
        super("envelopes");
    }

    @Override
    void run(byte[] input) throws IOException {
        if (input.length == 0) {
            return;
        }
        int pick = input[input.length - 1] & 0xff;
        EventParser envelope = ENVELOPES.get(pick % ENVELOPES.size());
        String name = NAMES.get(pick / ENVELOPES.size() % NAMES.size());
        FuzzContract.parse(envelope, FuzzContract.scratch(name, Arrays.copyOf(input, input.length - 1)));
    }

    /** Each envelope file once per envelope, its pick byte appended; the file names take turns. */
    @Override
    Stream<Named<byte[]>> seeds() {
        List<Named<byte[]>> files = super.seeds().toList();
        List<Named<byte[]>> out = new ArrayList<>();
        for (int i = 0; i < files.size(); i++) {
            byte[] file = files.get(i).getPayload();
            for (int e = 0; e < ENVELOPES.size(); e++) {
                byte[] in = Arrays.copyOf(file, file.length + 1);
                in[file.length] = (byte) (e + ENVELOPES.size() * (i % NAMES.size()));
                out.add(Named.of(files.get(i).getName() + " as " + ENVELOPES.get(e).name() + " in " + NAMES.get(i % NAMES.size()), in));
            }
        }
        return out.stream();
    }
}
