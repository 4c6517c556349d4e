package dev.rootline.timeline.findings;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * The network path between a client network and a failing target at one instant, hop by hop.
 *
 * @param verdict    {@code reachable}, {@code blocked} or {@code unknown}
 * @param hops       in order: client → target, then the return path
 * @param targetHost the host name the failures named when they named no IP (the address checked is then one
 *                   the evidence ties to that name), else null
 */
public record PathCheck(String burstId, Instant at, String targetIp, String clientCidr, String verdict,
                        List<Hop> hops, String targetHost) {
    public PathCheck {
        Objects.requireNonNull(verdict, "verdict");
        hops = List.copyOf(hops);
    }

    public PathCheck(String burstId, Instant at, String targetIp, String clientCidr, String verdict, List<Hop> hops) {
        this(burstId, at, targetIp, clientCidr, verdict, hops, null);
    }

    /** This check, for an address found behind {@code host}: the hop that says how leads the path. */
    public PathCheck behindHost(String host, Hop resolution) {
        return withLeadingHop(resolution, host);
    }

    /** This check with a note (how the target was found, the instant chosen) before its first hop. */
    public PathCheck withLeadingHop(Hop note, String host) {
        List<Hop> all = new java.util.ArrayList<>(hops.size() + 1);
        all.add(note);
        all.addAll(hops);
        return new PathCheck(burstId, at, targetIp, clientCidr, verdict, all, host);
    }

    /**
     * One step of the path.
     *
     * @param step   what was checked ({@code eni}, {@code subnet}, {@code route-table}, {@code route-back}, {@code sg}, {@code nacl}…)
     * @param ok     whether traffic passes this step; null when it could not be told
     * @param detail what was found, in words
     */
    public record Hop(String step, String resourceId, Boolean ok, String detail, String eventId) {
    }
}
