package dev.rootline.timeline.burst;

import dev.rootline.timeline.findings.Burst;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;

/** Finds bursts per (signature, target); see the package documentation for the method. */
public final class BurstDetector {
    private static final int SAMPLES = 12;

    private final BurstSettings settings;

    public BurstDetector(BurstSettings settings) {
        this.settings = settings;
    }

    /** Bursts ordered by start, numbered {@code b1}, {@code b2}…; signals may come in any order. */
    public List<Burst> detect(List<FailureSignal> signals) {
        Map<String, List<FailureSignal>> byKey = new LinkedHashMap<>();
        for (FailureSignal s : signals) {
            byKey.computeIfAbsent(s.signature() + "\u0000" + s.target(), k -> new ArrayList<>()).add(s);
        }
        List<Burst> found = new ArrayList<>();
        for (List<FailureSignal> group : byKey.values()) {
            group.sort(Comparator.comparing(FailureSignal::time));
            int start = 0;
            for (int i = 1; i <= group.size(); i++) {
                boolean split = i == group.size()
                        || Duration.between(group.get(i - 1).time(), group.get(i).time()).compareTo(settings.maxGap()) > 0;
                if (split) {
                    if (i - start >= settings.minEvents()) {
                        found.add(burst(group.subList(start, i)));
                    }
                    start = i;
                }
            }
        }
        found.sort(Comparator.comparing(Burst::start).thenComparing(Burst::signature).thenComparing(Burst::target));
        List<Burst> numbered = new ArrayList<>(found.size());
        for (int i = 0; i < found.size(); i++) {
            Burst b = found.get(i);
            numbered.add(new Burst("b" + (i + 1), b.signature(), b.target(), b.start(), b.end(), b.count(), b.clients(), b.sampleIds()));
        }
        return numbered;
    }

    private static Burst burst(List<FailureSignal> run) {
        FailureSignal first = run.get(0);
        Instant end = run.get(run.size() - 1).time();
        LinkedHashSet<String> clients = new LinkedHashSet<>();
        for (FailureSignal s : run) {
            if (!s.client().isEmpty()) {
                clients.add(s.client());
            }
        }
        List<String> samples = new ArrayList<>();
        int step = Math.max(1, run.size() / (SAMPLES - 1));
        for (int i = 0; i < run.size() && samples.size() < SAMPLES - 1; i += step) {
            samples.add(run.get(i).eventId());
        }
        String last = run.get(run.size() - 1).eventId();
        if (!samples.contains(last)) {
            samples.add(last);
        }
        return new Burst("b", first.signature(), first.target(), first.time(), end, run.size(), List.copyOf(clients), samples);
    }
}
