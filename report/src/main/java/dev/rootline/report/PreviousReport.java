package dev.rootline.report;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.rootline.timeline.findings.Findings;
import dev.rootline.timeline.findings.Hypothesis;
import dev.rootline.timeline.findings.HypothesisKind;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * How the hypotheses moved since the report last written to the same folder: run again after {@code pull ec2}
 * and an unverified cause becomes confirmed or contradicted; new evidence may bring a new cause or retire one.
 * Causes are matched by {@link Hypothesis#identity()}, which does not change as evidence is added.
 */
public final class PreviousReport {
    private static final ObjectMapper JSON = new ObjectMapper();

    private PreviousReport() {
    }

    private record Seen(String mechanism, double score, String title) {
    }

    /** The changes against {@code reportJson}, or none when there is no earlier report (or it does not read). */
    public static List<String> changes(Path reportJson, Findings now) {
        Map<String, Seen> before = new LinkedHashMap<>();
        try {
            if (!Files.isRegularFile(reportJson)) {
                return List.of();
            }
            for (JsonNode h : JSON.readTree(reportJson.toFile()).path("hypotheses")) {
                if (h.hasNonNull("identity")) {
                    before.put(h.path("identity").asText(), new Seen(h.path("mechanism").asText(null), h.path("score").asDouble(),
                            h.path("title").asText("")));
                }
            }
        } catch (IOException | RuntimeException e) {
            return List.of(); // an unreadable old report is no reason to fail the new one
        }
        if (before.isEmpty()) {
            return List.of();
        }
        List<String> out = new ArrayList<>();
        for (Hypothesis h : now.hypotheses()) {
            Seen was = before.remove(h.identity());
            String mechanism = h.mechanism() == null ? null : h.mechanism().id();
            if (was == null) {
                if (h.kind() != HypothesisKind.UNEXPLAINED) {
                    out.add("new: " + h.title() + " (score " + ReportText.score(h.score()) + ")");
                }
            } else if (mechanism != null && !mechanism.equals(was.mechanism())) {
                out.add(h.kind() + " " + h.identity().substring(h.kind().name().length()).replace('|', ' ').trim() + ": "
                        + (was.mechanism() == null ? "–" : was.mechanism()) + " → " + mechanism
                        + String.format(Locale.ROOT, " (score %.2f → %.2f)", was.score(), h.score()));
            }
        }
        before.forEach((id, was) -> {
            if (!id.startsWith(HypothesisKind.UNEXPLAINED.name())) {
                out.add("no longer proposed: " + was.title());
            }
        });
        return out;
    }
}
