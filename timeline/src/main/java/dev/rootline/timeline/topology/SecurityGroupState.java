package dev.rootline.timeline.topology;

import java.util.List;

/** A security group's rules at one instant. */
public record SecurityGroupState(String id, String vpcId, List<Rule> ingress, List<Rule> egress, String eventId) {
    public SecurityGroupState {
        ingress = List.copyOf(ingress);
        egress = List.copyOf(egress);
    }

    /**
     * One permission: traffic of {@code protocol} on ports {@code fromPort..toPort} from (ingress) or to
     * (egress) the CIDRs, the members of the groups, or the addresses of managed prefix lists (whose entries
     * the evidence rarely holds). Protocol {@code -1} means all; ports -1 mean all.
     */
    public record Rule(String protocol, int fromPort, int toPort, List<Cidr> cidrs, List<String> groupIds,
                       List<String> prefixListIds) {
        public Rule {
            cidrs = List.copyOf(cidrs);
            groupIds = List.copyOf(groupIds);
            prefixListIds = List.copyOf(prefixListIds);
        }

        public Rule(String protocol, int fromPort, int toPort, List<Cidr> cidrs, List<String> groupIds) {
            this(protocol, fromPort, toPort, cidrs, groupIds, List.of());
        }

        /** True when the rule names no source at all (every part of it was revoked). */
        public boolean empty() {
            return cidrs.isEmpty() && groupIds.isEmpty() && prefixListIds.isEmpty();
        }

        public boolean coversPort(String proto, int port) {
            boolean protoOk = "-1".equals(protocol) || "all".equals(protocol) || protocol.equalsIgnoreCase(proto)
                    || ("6".equals(protocol) && "tcp".equalsIgnoreCase(proto));
            boolean portOk = fromPort == -1 || "-1".equals(protocol) || (port >= fromPort && port <= toPort);
            return protoOk && portOk;
        }
    }
}
