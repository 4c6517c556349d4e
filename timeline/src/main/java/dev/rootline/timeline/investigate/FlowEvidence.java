package dev.rootline.timeline.investigate;

import dev.rootline.index.EventIndex;
import dev.rootline.index.SearchRequest;
import dev.rootline.ingest.Event;
import dev.rootline.ingest.Source;
import dev.rootline.timeline.findings.Burst;
import dev.rootline.timeline.findings.Hypothesis;
import dev.rootline.timeline.findings.HypothesisKind;
import dev.rootline.timeline.findings.PathCheck;

import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * VPC flow logs as data-plane evidence. For each burst, the flows on the failing address during the burst say what
 * the packets did: requests accepted in with nothing going back to that client (an asymmetric return) support a
 * routing cause; rejected requests, or accepted requests whose replies were rejected on the way out (a stateless
 * network ACL), support a security-group or network-ACL cause; requests answered both ways
 * speak against every network cause. Each hypothesis that explains the burst cites the flows as evidence or
 * counter-evidence and says what they show; scores are left as the rules made them.
 */
final class FlowEvidence {
    /** Flow logs aggregate over up to 10 minutes: records that started a little before the burst still describe it. */
    static final Duration MARGIN = Duration.ofMinutes(10);
    /** Replies and retries logged just after the last failure still belong to the burst. */
    static final Duration AFTER = Duration.ofMinutes(1);
    /** Flows cited per hypothesis and finding; the count says how many there were. */
    static final int CITED = 3;
    private static final Set<HypothesisKind> ROUTING = EnumSet.of(HypothesisKind.ENI_IN_UNROUTED_SUBNET,
            HypothesisKind.ROUTE_CHANGE, HypothesisKind.PEERING_CHANGE);
    private static final Set<HypothesisKind> FILTERING = EnumSet.of(HypothesisKind.SECURITY_GROUP_CHANGE,
            HypothesisKind.NACL_CHANGE);

    private FlowEvidence() {
    }

    /** What the flows on one address show during one burst. */
    record Seen(String burstId, String address, List<String> asymmetric, List<String> rejected, List<String> twoWay,
                int flows, Set<String> silentClients) {
        boolean any() {
            return flows > 0;
        }
    }

    /** The hypotheses with what the flows show added; unchanged when the index holds no flow log for the bursts. */
    static List<Hypothesis> apply(EventIndex.Searcher searcher, List<Hypothesis> hypotheses, List<Burst> bursts,
                                  List<PathCheck> checks) throws IOException {
        // only the bursts a routing or filtering hypothesis explains can use what the flows show
        Set<String> wanted = new LinkedHashSet<>();
        for (Hypothesis h : hypotheses) {
            if (ROUTING.contains(h.kind()) || FILTERING.contains(h.kind())) {
                wanted.addAll(h.bursts());
            }
        }
        if (wanted.isEmpty()) {
            return hypotheses;
        }
        Map<String, Set<String>> addressesOf = new LinkedHashMap<>();
        for (PathCheck c : checks) {
            if (wanted.contains(c.burstId()) && c.targetIp() != null) {
                addressesOf.computeIfAbsent(c.burstId(), k -> new LinkedHashSet<>()).add(c.targetIp());
            }
        }
        Map<String, List<Burst>> burstsOn = new LinkedHashMap<>();
        for (Burst b : bursts) {
            for (String ip : addressesOf.getOrDefault(b.id(), Set.of())) {
                burstsOn.computeIfAbsent(ip, k -> new ArrayList<>()).add(b);
            }
        }
        Map<String, List<Seen>> byBurst = new LinkedHashMap<>();
        for (var e : burstsOn.entrySet()) {
            List<Flow> flows = flows(searcher, e.getKey(), e.getValue());
            for (Burst b : e.getValue()) {
                Seen s = seen(b, e.getKey(), flows);
                if (s.any()) {
                    byBurst.computeIfAbsent(b.id(), k -> new ArrayList<>()).add(s);
                }
            }
        }
        if (byBurst.isEmpty()) {
            return hypotheses;
        }
        List<Hypothesis> out = new ArrayList<>(hypotheses.size());
        for (Hypothesis h : hypotheses) {
            out.add(withFlows(h, byBurst));
        }
        return out;
    }

    /** One flow record, as much of it as the verdict needs. */
    private record Flow(String id, Instant time, String src, String dst, String action) {
    }

    /** Windows per query: each is one clause, well under Lucene's clause limit. */
    private static final int WINDOWS_PER_QUERY = 256;

    /**
     * The flows on one address during its bursts, oldest first: one query per few hundred bursts (their windows
     * merged where they overlap), not one per burst; a long history holds thousands of small bursts.
     */
    private static List<Flow> flows(EventIndex.Searcher searcher, String ip, List<Burst> bursts) throws IOException {
        List<Instant[]> windows = new ArrayList<>();
        bursts.stream().map(b -> new Instant[] {b.start().minus(MARGIN), b.end().plus(AFTER)})
                .sorted(java.util.Comparator.comparing((Instant[] w) -> w[0])).forEach(w -> {
                    Instant[] last = windows.isEmpty() ? null : windows.get(windows.size() - 1);
                    if (last != null && !w[0].isAfter(last[1])) {
                        last[1] = w[1].isAfter(last[1]) ? w[1] : last[1];
                    } else {
                        windows.add(w);
                    }
                });
        List<Flow> out = new ArrayList<>();
        for (int i = 0; i < windows.size(); i += WINDOWS_PER_QUERY) {
            List<Instant[]> group = windows.subList(i, Math.min(windows.size(), i + WINDOWS_PER_QUERY));
            StringBuilder q = new StringBuilder("source:").append(Source.VPCFLOW.id()).append(" AND ip:\"").append(ip)
                    .append("\" AND (");
            for (int k = 0; k < group.size(); k++) {
                q.append(k == 0 ? "" : " OR ").append("time:[").append(group.get(k)[0]).append(" TO ").append(group.get(k)[1])
                        .append(']');
            }
            q.append(')');
            searcher.forEach(new SearchRequest(q.toString(), group.get(0)[0], group.get(group.size() - 1)[1].plusMillis(1),
                    Integer.MAX_VALUE), e -> {
                if (e.time() != null) {
                    out.add(new Flow(e.id(), e.time(), e.attribute("srcaddr"), e.attribute("dstaddr"), e.attribute("action")));
                }
            });
        }
        out.sort(java.util.Comparator.comparing(Flow::time));
        return out;
    }

    static Seen seen(Burst b, String ip, List<Flow> flows) {
        // inbound requests per client, and the clients the address sent anything back to
        Map<String, List<String>> acceptedFrom = new LinkedHashMap<>();
        Set<String> answered = new LinkedHashSet<>();
        // replies the address tried to send and a stateless network ACL (or an egress rule) dropped on the way out
        Map<String, List<String>> replyRejectedTo = new LinkedHashMap<>();
        List<String> rejected = new ArrayList<>();
        int count = 0;
        Instant from = b.start().minus(MARGIN);
        Instant to = b.end().plus(AFTER);
        int lo = 0;
        int hi = flows.size();
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (flows.get(mid).time().isBefore(from)) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        for (int i = lo; i < flows.size() && !flows.get(i).time().isAfter(to); i++) {
            Flow f = flows.get(i);
            String src = f.src();
            String dst = f.dst();
            String action = f.action();
            if (src == null || dst == null || action == null) {
                continue;
            }
            count++;
            if (ip.equals(dst) && "REJECT".equalsIgnoreCase(action)) {
                rejected.add(f.id());
            } else if (ip.equals(dst) && "ACCEPT".equalsIgnoreCase(action)) {
                acceptedFrom.computeIfAbsent(src, k -> new ArrayList<>()).add(f.id());
            } else if (ip.equals(src) && "ACCEPT".equalsIgnoreCase(action)) {
                answered.add(dst);
            } else if (ip.equals(src) && "REJECT".equalsIgnoreCase(action)) {
                replyRejectedTo.computeIfAbsent(dst, k -> new ArrayList<>()).add(f.id());
            }
        }
        List<String> asymmetric = new ArrayList<>();
        List<String> twoWay = new ArrayList<>();
        Set<String> silent = new LinkedHashSet<>();
        acceptedFrom.forEach((client, ids) -> {
            if (answered.contains(client)) {
                twoWay.addAll(ids);
            } else if (replyRejectedTo.containsKey(client)) {
                rejected.addAll(replyRejectedTo.get(client)); // the reply was filtered, not sent another way
            } else {
                asymmetric.addAll(ids);
                silent.add(client);
            }
        });
        return new Seen(b.id(), ip, asymmetric, rejected, twoWay, count, silent);
    }

    private static Hypothesis withFlows(Hypothesis h, Map<String, List<Seen>> byBurst) {
        boolean routing = ROUTING.contains(h.kind());
        boolean filtering = FILTERING.contains(h.kind());
        if (!routing && !filtering) {
            return h;
        }
        List<String> evidence = new ArrayList<>(h.evidence());
        List<String> counter = new ArrayList<>(h.counterEvidence());
        List<String> facts = new ArrayList<>(h.facts());
        boolean changed = false;
        for (String burstId : h.bursts()) {
            for (Seen s : byBurst.getOrDefault(burstId, List.of())) {
                List<String> supports = routing ? s.asymmetric() : s.rejected();
                if (!supports.isEmpty()) {
                    evidence.addAll(first(supports, evidence));
                    facts.add(routing
                            ? "Flow logs during burst " + burstId + ": " + supports.size() + " request flow(s) to " + s.address()
                            + " were accepted in, and nothing went back to " + String.join(", ", s.silentClients())
                            + ": the replies took another way (an asymmetric return)."
                            : "Flow logs during burst " + burstId + ": " + supports.size() + " flow(s) to or from " + s.address()
                            + " were REJECTED (requests on the way in, or the replies on the way out).");
                    changed = true;
                }
                if (!s.twoWay().isEmpty()) {
                    counter.addAll(first(s.twoWay(), counter));
                    facts.add("Flow logs during burst " + burstId + ": " + s.twoWay().size() + " request flow(s) to " + s.address()
                            + " were answered both ways, which speaks against a network cause for those clients.");
                    changed = true;
                }
            }
        }
        if (!changed) {
            return h;
        }
        return new Hypothesis(h.rank(), h.kind(), h.score(), h.title(), h.summary(), h.resources(), h.bursts(),
                h.association(), evidence, counter, h.mechanism(), facts);
    }

    private static List<String> first(List<String> ids, List<String> already) {
        return ids.stream().filter(id -> !already.contains(id)).distinct().limit(CITED).toList();
    }
}
