package dev.rootline.timeline.burst;

import dev.rootline.timeline.findings.Burst;
import dev.rootline.timeline.findings.Findings;
import dev.rootline.timeline.findings.Hypothesis;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Groups the failure bursts of a long history into incidents, for a sweep.
 *
 * <ol>
 *   <li>{@link #group}: bursts no more than {@code gap} apart (from the end of one to the start of the next) share
 *       a window to investigate, {@code lookback} around them, so its report reads as a single-machine
 *       investigation of that time, but never reaching into a neighbour's bursts, so no two reports share a burst.</li>
 *   <li>{@link #sameCause}: two neighbouring windows whose top causes are the same kind, plausible, and fail the same
 *       target (an ENI recreated a day later in the same public subnet) are one incident: {@link #merge} them and
 *       investigate the union.</li>
 *   <li>{@link #span}: an incident starts with the first burst its top cause explains, not with background noise
 *       that happened to precede it in the window.</li>
 * </ol>
 */
public final class Incidents {
    private static final DateTimeFormatter MINUTE = DateTimeFormatter.ofPattern("yyyyMMdd'-'HHmm").withZone(ZoneOffset.UTC);

    /**
     * @param from   the window to investigate (inclusive)
     * @param to     its end (exclusive)
     * @param bursts the bursts of the whole-history detection that fall in it, by start
     */
    public record Window(Instant from, Instant to, List<Burst> bursts) {
        public Window {
            bursts = List.copyOf(bursts);
        }

        public Instant start() {
            return bursts.get(0).start();
        }

        public Instant end() {
            return bursts.stream().map(Burst::end).max(Instant::compareTo).orElseThrow();
        }
    }

    /**
     * What a catalog calls the incident: its id (stable across runs: the start minute and a hash of the first
     * explained burst's signature and target) and the span of the bursts its top cause explains (all of the window's
     * bursts when nothing explains them).
     */
    public record Span(String id, Instant start, Instant end) {
    }

    private Incidents() {
    }

    public static List<Window> group(List<Burst> bursts, Duration gap, Duration lookback) {
        List<Burst> sorted = new ArrayList<>(bursts);
        sorted.sort(Comparator.comparing(Burst::start).thenComparing(Burst::end));
        List<List<Burst>> groups = new ArrayList<>();
        Instant groupEnd = null;
        for (Burst b : sorted) {
            if (groupEnd == null || b.start().isAfter(groupEnd.plus(gap))) {
                groups.add(new ArrayList<>());
                groupEnd = b.end();
            } else if (b.end().isAfter(groupEnd)) {
                groupEnd = b.end();
            }
            groups.get(groups.size() - 1).add(b);
        }
        List<Window> out = new ArrayList<>(groups.size());
        for (int i = 0; i < groups.size(); i++) {
            List<Burst> g = groups.get(i);
            Instant from = g.get(0).start().minus(lookback);
            Instant to = end(g).plus(lookback).plusMillis(1);
            if (i > 0) {
                Instant previousEnd = end(groups.get(i - 1)).plusMillis(1);
                from = from.isBefore(previousEnd) ? previousEnd : from;
            }
            if (i + 1 < groups.size()) {
                Instant nextStart = groups.get(i + 1).get(0).start();
                to = to.isAfter(nextStart) ? nextStart : to;
            }
            out.add(new Window(from, to, g));
        }
        return out;
    }

    /**
     * Whether two neighbouring windows, investigated, are one incident: both top causes plausible, of the same kind,
     * failing a common target, and the second starting within {@code within} of the first's end.
     */
    public static boolean sameCause(Window a, Findings fa, Window b, Findings fb, Duration within) {
        Optional<Hypothesis> ta = fa.top();
        Optional<Hypothesis> tb = fb.top();
        if (ta.isEmpty() || tb.isEmpty() || !ta.get().explains() || !tb.get().explains() || ta.get().kind() != tb.get().kind()) {
            return false;
        }
        if (Duration.between(a.end(), b.start()).compareTo(within) > 0) {
            return false;
        }
        Set<String> targets = new HashSet<>(targets(fa, ta.get()));
        return targets.stream().anyMatch(targets(fb, tb.get())::contains);
    }

    /** One window covering both, {@code a} before {@code b}. */
    public static Window merge(Window a, Window b) {
        List<Burst> bursts = new ArrayList<>(a.bursts());
        bursts.addAll(b.bursts());
        return new Window(a.from(), b.to(), bursts);
    }

    public static Span span(Findings f) {
        List<Burst> explained = f.top().filter(Hypothesis::explains)
                .map(h -> f.bursts().stream().filter(b -> h.bursts().contains(b.id())).toList())
                .filter(l -> !l.isEmpty()).orElse(f.bursts());
        if (explained.isEmpty()) {
            return new Span(MINUTE.format(f.from()) + "-quiet", f.from(), f.to());
        }
        Burst first = explained.stream().min(Comparator.comparing(Burst::start)).orElseThrow();
        return new Span(MINUTE.format(first.start()) + "-" + hash(first), first.start(), end(explained));
    }

    private static List<String> targets(Findings f, Hypothesis h) {
        return f.bursts().stream().filter(b -> h.bursts().contains(b.id())).map(Burst::target).toList();
    }

    private static Instant end(List<Burst> bursts) {
        return bursts.stream().map(Burst::end).max(Instant::compareTo).orElseThrow();
    }

    private static String hash(Burst b) {
        try {
            byte[] d = MessageDigest.getInstance("SHA-256").digest((b.signature() + "\u0000" + b.target()).getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(d, 0, 3);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
