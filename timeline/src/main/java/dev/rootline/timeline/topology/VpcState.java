package dev.rootline.timeline.topology;

import java.util.List;

/** A VPC and its IPv4 CIDR blocks. */
public record VpcState(String id, List<Cidr> cidrs, String eventId) {
    public VpcState {
        cidrs = List.copyOf(cidrs);
    }
}
