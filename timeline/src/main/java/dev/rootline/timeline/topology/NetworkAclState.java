package dev.rootline.timeline.topology;

import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** A network ACL: stateless, rules evaluated in ascending rule number, first match decides. */
public record NetworkAclState(String id, String vpcId, boolean isDefault, Set<String> subnets, List<Entry> entries,
                              java.util.Map<String, String> associations, String eventId) {
    /** @param associations association id to subnet id, to replay association replacements */
    public NetworkAclState {
        subnets = Set.copyOf(subnets);
        entries = entries.stream().sorted(Comparator.comparingInt(Entry::ruleNumber)).toList();
        associations = java.util.Map.copyOf(associations);
    }

    NetworkAclState withEntries(List<Entry> newEntries, String changeEventId) {
        return new NetworkAclState(id, vpcId, isDefault, subnets, newEntries, associations, changeEventId);
    }

    NetworkAclState withAssociations(Set<String> newSubnets, java.util.Map<String, String> newAssociations, String changeEventId) {
        return new NetworkAclState(id, vpcId, isDefault, newSubnets, entries, newAssociations, changeEventId);
    }

    /** The first entry that matches traffic in one direction, or empty (AWS then denies). */
    public Optional<Entry> decide(boolean egress, String protocol, int port, Cidr peer) {
        return entries.stream().filter(e -> e.egress() == egress && e.known() && e.matches(protocol, port, peer)).findFirst();
    }

    /**
     * How the ACL treats traffic with a whole network of peers. {@code allow} is null when the answer
     * depends on the peer's address (an earlier entry with the other action covers only part of the
     * network: a least-privilege ACL that allows the clients' /24s is not a block of their /16) or on an
     * entry the evidence does not show.
     *
     * @param entry the entry that decides for the whole network, or null for the implicit deny
     * @param doubt the entry that makes the answer uncertain, or null
     */
    public record Decision(Boolean allow, Entry entry, Entry doubt) {
    }

    public Decision decideFor(boolean egress, String protocol, int port, Cidr peers) {
        List<Entry> partial = new java.util.ArrayList<>();
        for (Entry e : entries) {
            if (e.egress() != egress) {
                continue;
            }
            if (!e.known()) {
                partial.add(e);
                continue;
            }
            if (!e.matchesTraffic(protocol, port) || e.cidr() == null || !e.cidr().overlaps(peers)) {
                continue;
            }
            if (e.cidr().contains(peers)) {
                return decision(e.allow(), e, partial);
            }
            partial.add(e); // decides for part of the network only
        }
        return decision(false, null, partial); // the implicit deny decides whatever no entry covered
    }

    private static Decision decision(boolean allow, Entry entry, List<Entry> partial) {
        for (Entry p : partial) {
            if (!p.known() || p.allow() != allow) {
                return new Decision(null, entry, p);
            }
        }
        return new Decision(allow, entry, null);
    }

    /**
     * One rule; protocol {@code -1} means all, {@code 6} tcp. {@code fromPort}/{@code toPort} null means all ports.
     */
    public record Entry(int ruleNumber, boolean egress, String protocol, boolean allow, Cidr cidr, Integer fromPort,
                        Integer toPort, String eventId) {
        static final String UNKNOWN = "unknown";

        /** An entry that existed but whose content the evidence does not show (a deletion undone without its creation). */
        static Entry unknown(int ruleNumber, boolean egress, String eventId) {
            return new Entry(ruleNumber, egress, UNKNOWN, false, null, null, null, eventId);
        }

        public boolean known() {
            return !UNKNOWN.equals(protocol);
        }

        boolean matches(String proto, int port, Cidr peer) {
            return matchesTraffic(proto, port) && cidr != null && cidr.contains(peer);
        }

        boolean matchesTraffic(String proto, int port) {
            boolean protoOk = "-1".equals(protocol) || protocol.equalsIgnoreCase(proto)
                    || ("6".equals(protocol) && "tcp".equalsIgnoreCase(proto));
            boolean portOk = "-1".equals(protocol) || fromPort == null || (port >= fromPort && port <= (toPort == null ? fromPort : toPort));
            return known() && protoOk && portOk;
        }
    }
}
