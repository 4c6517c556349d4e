package dev.rootline.timeline.findings;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * The network path between a client network and a failing target at one instant, hop by hop.
 *
 * @param verdict {@code reachable}, {@code blocked} or {@code unknown}
 * @param hops    in order: client → target, then the return path
 */
public record PathCheck(String burstId, Instant at, String targetIp, String clientCidr, String verdict,
                        List<Hop> hops) {
    public PathCheck {
        Objects.requireNonNull(verdict, "verdict");
        hops = List.copyOf(hops);
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
