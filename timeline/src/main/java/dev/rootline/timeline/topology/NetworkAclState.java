package dev.rootline.timeline.topology;

import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** A network ACL: stateless, rules evaluated in ascending rule number, first match decides. */
public record NetworkAclState(String id, String vpcId, boolean isDefault, Set<String> subnets, List<Entry> entries,
                              String eventId) {
    public NetworkAclState {
        subnets = Set.copyOf(subnets);
        entries = entries.stream().sorted(Comparator.comparingInt(Entry::ruleNumber)).toList();
    }

    /** The first entry that matches traffic in one direction, or empty (AWS then denies). */
    public Optional<Entry> decide(boolean egress, String protocol, int port, Cidr peer) {
        return entries.stream().filter(e -> e.egress() == egress && e.matches(protocol, port, peer)).findFirst();
    }

    /**
     * One rule; protocol {@code -1} means all, {@code 6} tcp. {@code fromPort}/{@code toPort} null means all ports.
     */
    public record Entry(int ruleNumber, boolean egress, String protocol, boolean allow, Cidr cidr, Integer fromPort,
                        Integer toPort, String eventId) {
        boolean matches(String proto, int port, Cidr peer) {
            boolean protoOk = "-1".equals(protocol) || protocol.equalsIgnoreCase(proto)
                    || ("6".equals(protocol) && "tcp".equalsIgnoreCase(proto));
            boolean portOk = "-1".equals(protocol) || fromPort == null || (port >= fromPort && port <= (toPort == null ? fromPort : toPort));
            return protoOk && portOk && cidr != null && cidr.contains(peer);
        }
    }
}
