package dev.rootline.timeline.investigate;

import dev.rootline.index.EventIndex;
import dev.rootline.index.SearchRequest;
import dev.rootline.ingest.Event;
import dev.rootline.ingest.Source;
import dev.rootline.timeline.findings.Activity;
import dev.rootline.timeline.findings.Burst;
import dev.rootline.timeline.findings.EventText;
import dev.rootline.timeline.findings.Hypothesis;
import dev.rootline.timeline.findings.HypothesisKind;

import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/**
 * Engineering activities beside the bursts. A deploy shortly before failures that no infrastructure change explains
 * is the first thing a reader should look at, so it is said in words; rootline does not score it as a cause, since
 * the activity's effect is not in the evidence.
 */
final class Activities {
    /** Sentences beyond this many would bury the other caveats under background bursts. */
    static final int MAX_SENTENCES = 5;
    private static final int MAX_TITLE = 120;

    private Activities() {
    }

    /** The activities from {@link Activity#BEFORE_BURST} before {@code from} to {@code to}, in time order. */
    static List<Activity> read(EventIndex.Searcher searcher, Instant from, Instant to) throws IOException {
        List<Activity> out = new ArrayList<>();
        searcher.forEach(new SearchRequest("source:" + Source.ACTIVITY.id(), from.minus(Activity.BEFORE_BURST), to,
                Integer.MAX_VALUE), e -> {
            if (e.time() != null) {
                out.add(of(e));
            }
        });
        out.sort(Comparator.comparing(Activity::time).thenComparing(Activity::id));
        return out;
    }

    private static Activity of(Event e) {
        String end = e.attribute("end");
        return new Activity(e.id(), e.time(), end == null ? null : parse(end), e.message(), e.kind(), e.actor(),
                e.attribute("link"));
    }

    private static Instant parse(String iso) {
        try {
            return Instant.parse(iso);
        } catch (java.time.format.DateTimeParseException ex) {
            return null;
        }
    }

    /**
     * One sentence per burst that an activity began shortly before and no hypothesis explains, naming the latest such
     * activity: "Deploy 'checkout v2.3' by alice began 12 min before burst b1; no infrastructure change explains the burst."
     */
    static List<String> unexplainedBursts(List<Burst> bursts, List<Hypothesis> hypotheses, List<Activity> activities) {
        List<String> out = new ArrayList<>();
        int more = 0;
        for (Burst b : bursts) {
            Activity latest = null;
            for (Activity a : activities) {
                if (a.shortlyBefore(b)) {
                    latest = a; // in time order: the last one is the closest
                }
            }
            if (latest == null || explained(b, hypotheses)) {
                continue;
            }
            if (out.size() < MAX_SENTENCES) {
                out.add(sentence(latest, b));
            } else {
                more++;
            }
        }
        if (more > 0) {
            out.add(more + " more burst" + (more == 1 ? "" : "s") + " had an activity in the hour before and no explaining change;"
                    + " see the activities listed with each burst.");
        }
        return out;
    }

    private static boolean explained(Burst b, List<Hypothesis> hypotheses) {
        return hypotheses.stream().anyMatch(h -> h.kind() != HypothesisKind.UNEXPLAINED && h.explains() && h.bursts().contains(b.id()));
    }

    static String sentence(Activity a, Burst b) {
        long minutes = Duration.between(a.time(), b.start()).toMinutes();
        String kind = a.kind().replace('-', ' ');
        String title = EventText.clip(a.title());
        if (title.length() > MAX_TITLE) {
            title = title.substring(0, MAX_TITLE) + "…";
        }
        return kind.substring(0, 1).toUpperCase(Locale.ROOT) + kind.substring(1) + " '" + title + "'"
                + (a.actor() == null ? "" : " by " + EventText.clip(a.actor()))
                + " began " + (minutes < 1 ? "less than a minute" : minutes + " min") + " before burst " + b.id()
                + "; no infrastructure change explains the burst.";
    }
}
