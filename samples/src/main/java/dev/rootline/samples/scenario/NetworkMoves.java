package dev.rootline.samples.scenario;

import dev.rootline.samples.evidence.Cidr;
import dev.rootline.samples.evidence.CloudTrailRecord;
import dev.rootline.samples.evidence.Ec2Calls;
import dev.rootline.samples.evidence.Estate;
import dev.rootline.samples.evidence.Ids;
import dev.rootline.samples.evidence.Principal;
import dev.rootline.samples.evidence.Times;

/**
 * What people do to the network: security group rules, routes, network ACL entries, peering connections.
 * Each records its CloudTrail event, changes the network at that moment, and returns the eventID.
 */
final class NetworkMoves {
    private NetworkMoves() {
    }

    static String revokeIngress(Story s, long t, Principal who, String groupId, String cidr, int port) {
        NetState.Rule rule = s.plan.groups.get(groupId).ingress.stream()
                .filter(r -> cidr.equals(r.cidr()) && r.fromPort() == port).findFirst()
                .orElseThrow(() -> new IllegalStateException("no rule for " + cidr + ":" + port + " in " + groupId));
        CloudTrailRecord r = Ec2Calls.revokeIngress(t, who, s.estate.account(), groupId,
                new Ec2Calls.Permission("tcp", port, port, cidr, rule.description()), rule.ruleId(), s.ids);
        s.record(r);
        s.change(t, st -> st.groups.get(groupId).ingress.removeIf(x -> x.ruleId().equals(rule.ruleId())));
        return r.eventId();
    }

    static String authorizeIngress(Story s, long t, Principal who, String groupId, String cidr, int port,
                                   String description) {
        String ruleId = Ids.aws(s.ids, "sgr");
        CloudTrailRecord r = Ec2Calls.authorizeIngress(t, who, s.estate.account(), groupId,
                new Ec2Calls.Permission("tcp", port, port, cidr, description), ruleId, s.ids);
        s.record(r);
        s.change(t, st -> st.groups.get(groupId).ingress.add(
                new NetState.Rule(ruleId, "tcp", port, port, cidr, null, description)));
        return r.eventId();
    }

    static String deleteRoute(Story s, long t, Principal who, String tableId, String destination) {
        CloudTrailRecord r = Ec2Calls.deleteRoute(t, who, tableId, destination, s.ids);
        s.record(r);
        s.change(t, st -> st.tables.get(tableId).remove(destination));
        return r.eventId();
    }

    /** CreateRoute or ReplaceRoute of {@code destination} towards a peering connection. */
    static String peeringRoute(Story s, long t, Principal who, String eventName, String tableId, String destination,
                               String peeringId) {
        CloudTrailRecord r = Ec2Calls.peeringRoute(t, who, eventName, tableId, destination, peeringId, s.ids);
        s.record(r);
        s.change(t, st -> {
            NetState.RouteTable table = st.tables.get(tableId);
            table.remove(destination);
            table.routes.add(new NetState.Route(Cidr.parse(destination), peeringId,
                    eventName.equals("CreateRoute") ? "CreateRoute" : "ReplaceRoute"));
        });
        return r.eventId();
    }

    /** CreateNetworkAclEntry or ReplaceNetworkAclEntry for TCP on one port range. */
    static String aclEntry(Story s, long t, Principal who, String eventName, String aclId, int rule, boolean egress,
                           String action, int fromPort, int toPort, String cidr) {
        CloudTrailRecord r = Ec2Calls.networkAclEntry(t, who, eventName, aclId, rule, egress, action, fromPort, toPort,
                cidr, s.ids);
        s.record(r);
        s.change(t, st -> {
            NetState.NetworkAcl acl = st.acls.get(aclId);
            acl.entries.removeIf(e -> e.rule() == rule && e.egress() == egress);
            acl.entries.add(new NetState.AclEntry(rule, egress, action, fromPort < 0 ? "-1" : "6", fromPort, toPort, cidr));
        });
        return r.eventId();
    }

    /** Puts back the ACL entry a replace changed: all traffic allowed at that rule number. */
    static String restoreAclEntry(Story s, long t, Principal who, String aclId, int rule, boolean egress) {
        CloudTrailRecord r = Ec2Calls.networkAclEntry(t, who, "ReplaceNetworkAclEntry", aclId, rule, egress, "allow",
                -1, -1, "0.0.0.0/0", s.ids);
        s.record(r);
        s.change(t, st -> {
            NetState.NetworkAcl acl = st.acls.get(aclId);
            acl.entries.removeIf(e -> e.rule() == rule && e.egress() == egress);
            acl.entries.add(new NetState.AclEntry(rule, egress, "allow", "-1", -1, -1, "0.0.0.0/0"));
        });
        return r.eventId();
    }

    static String deleteAclEntry(Story s, long t, Principal who, String aclId, int rule, boolean egress) {
        CloudTrailRecord r = Ec2Calls.deleteNetworkAclEntry(t, who, aclId, rule, egress, s.ids);
        s.record(r);
        s.change(t, st -> st.acls.get(aclId).entries.removeIf(e -> e.rule() == rule && e.egress() == egress));
        return r.eventId();
    }

    static String deletePeering(Story s, long t, Principal who, String peeringId) {
        CloudTrailRecord r = Ec2Calls.deleteVpcPeeringConnection(t, who, peeringId, s.ids);
        s.record(r);
        s.change(t, st -> st.peerings.get(peeringId).status = "deleted");
        return r.eventId();
    }

    /** A new peering connection, requested at {@code t} and accepted a minute or two later. Returns its id. */
    static String newPeering(Story s, long t, Principal who, Estate.Vpc requester, Estate.Vpc accepter) {
        String id = Ids.aws(s.ids, "pcx");
        Ec2Calls.PeerSide req = new Ec2Calls.PeerSide(requester.id(), requester.cidr().toString(), s.estate.account(),
                s.estate.region());
        Ec2Calls.PeerSide acc = new Ec2Calls.PeerSide(accepter.id(), accepter.cidr().toString(), s.estate.account(),
                s.estate.region());
        s.record(Ec2Calls.createVpcPeeringConnection(t, who, id, req, acc, s.ids));
        long accepted = t + s.between(40 * Times.SECOND, 3 * Times.MINUTE);
        s.record(Ec2Calls.acceptVpcPeeringConnection(accepted, who, id, req, acc, s.ids));
        s.change(accepted, st -> st.peerings.put(id, new NetState.Peering(id, requester, accepter)));
        return id;
    }
}
