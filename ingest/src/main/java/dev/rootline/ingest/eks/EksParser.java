package dev.rootline.ingest.eks;

import dev.rootline.ingest.EventParser;
import dev.rootline.ingest.InputFile;
import dev.rootline.ingest.ParseContext;
import dev.rootline.ingest.json.JsonRecordReader;

import java.io.IOException;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code aws eks} CLI output: {@code describe-cluster}, {@code describe-update} and {@code update-cluster-*},
 * {@code list-updates}, {@code list-clusters}, {@code describe-nodegroup}; one document per file, or several
 * concatenated. See {@link EksDocuments} for what each becomes.
 */
public final class EksParser implements EventParser {
    /** Whole documents: they are small, and a snapshot's ObservedAt sits beside its payload. */
    private static final JsonRecordReader READER = new JsonRecordReader(Set.of());
    private static final Pattern FIRST_KEY = Pattern.compile(
            "^\\{\\s*(?:\"(?:[Oo]bservedAt|clusterName)\"\\s*:\\s*\"[^\"]*\"\\s*,\\s*){0,2}"
                    + "\"(cluster|update|nodegroup|updateIds|clusters)\"\\s*:\\s*([\\[{])\\s*([\"\\]]?)");

    @Override
    public String name() {
        return "eks";
    }

    @Override
    public int sniff(InputFile file) {
        String head = start(file);
        Matcher m = FIRST_KEY.matcher(head);
        if (!m.find()) {
            return 0;
        }
        boolean object = m.group(2).equals("{");
        return switch (m.group(1)) {
            // ECS says {"cluster":{…}} too; its ARNs say ":ecs:" and it has no resourcesVpcConfig
            case "cluster" -> object && (head.contains("\"resourcesVpcConfig\"") || head.contains(":eks:")) ? 90 : 0;
            case "update" -> object && head.contains("\"params\"") ? 90 : 0;
            case "nodegroup" -> object ? 90 : 0;
            case "updateIds" -> object ? 0 : 90;
            // list-clusters holds names (or nothing); ECS describe-clusters holds objects
            default -> !object && !m.group(3).isEmpty() ? 90 : 0;
        };
    }

    @Override
    public void parse(InputFile file, ParseContext ctx) throws IOException {
        String start = start(file);
        if (start.isEmpty()) {
            return;
        }
        if (start.charAt(0) != '{' && start.charAt(0) != '[') {
            ctx.reject(0, -1, "not EKS CLI output: not JSON (use --output json)");
            return;
        }
        EksDocuments mapper = new EksDocuments(file, ctx);
        READER.read(file, ctx, mapper::map);
    }

    private static String start(InputFile file) {
        String head = file.headText();
        return (head.startsWith("\uFEFF") ? head.substring(1) : head).stripLeading();
    }
}
