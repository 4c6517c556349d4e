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
        Map<String, List<Seen>> byBurst = new LinkedHashMap<>();
        for (Burst b : bursts) {
            for (String ip : addresses(b, checks)) {
                Seen s = seen(searcher, b, ip);
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

    private static Set<String> addresses(Burst b, List<PathCheck> checks) {
        Set<String> out = new LinkedHashSet<>();
        for (PathCheck c : checks) {
            if (c.burstId().equals(b.id()) && c.targetIp() != null) {
                out.add(c.targetIp());
            }
        }
        return out;
    }

    static Seen seen(EventIndex.Searcher searcher, Burst b, String ip) throws IOException {
        // inbound requests per client, and the clients the address sent anything back to
        Map<String, List<String>> acceptedFrom = new LinkedHashMap<>();
        Set<String> answered = new LinkedHashSet<>();
        // replies the address tried to send and a stateless network ACL (or an egress rule) dropped on the way out
        Map<String, List<String>> replyRejectedTo = new LinkedHashMap<>();
        List<String> rejected = new ArrayList<>();
        int[] flows = {0};
        searcher.forEach(new SearchRequest("source:" + Source.VPCFLOW.id() + " AND ip:" + ip, b.start().minus(MARGIN),
                b.end().plus(Duration.ofMinutes(1)), Integer.MAX_VALUE), e -> {
            String src = e.attribute("srcaddr");
            String dst = e.attribute("dstaddr");
            String action = e.attribute("action");
            if (src == null || dst == null || action == null) {
                return;
            }
            flows[0]++;
            if (ip.equals(dst) && "REJECT".equalsIgnoreCase(action)) {
                rejected.add(e.id());
            } else if (ip.equals(dst) && "ACCEPT".equalsIgnoreCase(action)) {
                acceptedFrom.computeIfAbsent(src, k -> new ArrayList<>()).add(e.id());
            } else if (ip.equals(src) && "ACCEPT".equalsIgnoreCase(action)) {
                answered.add(dst);
            } else if (ip.equals(src) && "REJECT".equalsIgnoreCase(action)) {
                replyRejectedTo.computeIfAbsent(dst, k -> new ArrayList<>()).add(e.id());
            }
        });
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
        return new Seen(b.id(), ip, asymmetric, rejected, twoWay, flows[0], silent);
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
