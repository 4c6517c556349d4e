package dev.rootline.samples.scenario;

import dev.rootline.samples.evidence.Estate;
import dev.rootline.samples.evidence.Times;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

/**
 * The seed incident. {@code prd-gw-eks} was given public subnets as well as private ones. On Friday
 * 2024-10-25 around noon, AWS-side maintenance replaced one of its control-plane ENIs, and the new one
 * landed in a public subnet (172.20.101.121), whose route table has no route back to the backend VPC over
 * the peering connection. The endpoint's DNS name returns one address per ENI, so about half of
 * Clouddriver's calls time out, and only those to 172.20.101.121. Monday afternoon another replacement
 * moves it back into a private subnet; Tuesday around noon a third puts it in a public subnet again.
 *
 * <p>Red herrings: the backend cluster's version upgrade, whose two ENI replacements come closer to the
 * first failure than the real cause does, and a Docker Hub rate limit that morning.
 */
final class EniPublicSubnetScenario implements Scenario {
    static final String NAME = "eni-public-subnet";
    static final long SAMPLE_SEED = 20241025L;
    static final String MISPLACED_IP = "172.20.101.121";
    static final String STAYING_IP = "172.20.12.39";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public String summary() {
        return "EKS maintenance puts a control-plane ENI of prd-gw-eks in a public subnet with no route back over "
                + "the VPC peering; half of Clouddriver's calls time out (the seed incident)";
    }

    @Override
    public Expected write(Path dir, long seed) throws IOException {
        return Simulation.write(dir, story(seed));
    }

    Story story(long seed) {
        Estate e = Estate.generate(seed, true);
        Story s = new Story(NAME, seed, e, Times.parse("2024-10-24T12:00:00Z"), Times.parse("2024-10-30T12:00:00Z"), 135);
        Estate.Cluster gw = e.gatewayCluster();
        Estate.Cluster be = e.backendCluster();
        Estate.Vpc vpc = e.gateway();
        Estate.Subnet privA = vpc.privateSubnets().get(0);
        Estate.Subnet privB = vpc.privateSubnets().get(1);
        Estate.Subnet pubA = vpc.publicSubnets().get(0);
        Estate.Subnet pubB = vpc.publicSubnets().get(1);
        s.reserved.add(MISPLACED_IP);
        EksMoves.existingEni(s, gw, privA, STAYING_IP);
        String second = EksMoves.existingEni(s, gw, privB, Herrings.freeIp(s, privB));
        EksMoves.privateEnis(s, be);

        Herrings.registryRateLimit(s, Times.parse("2024-10-25T08:50:00Z") + s.between(0, 30 * Times.MINUTE),
                35 + s.ids.nextInt(25));
        long friday = Times.parse("2024-10-25T11:33:00Z") + s.between(0, 12 * Times.MINUTE);
        String upgrade = EksMoves.upgrade(s, be, friday - s.between(20 * Times.MINUTE, 40 * Times.MINUTE),
                e.actors().terraform(), "1.30", "eks.12");
        s.herring("EKS version upgrade of " + be.name() + " to 1.30 (the upgrades the team suspected first)",
                List.of(upgrade));
        s.note(friday - 30 * Times.MINUTE, "Terraform starts upgrading " + be.name() + " to Kubernetes 1.30");
        EksMoves.Recreation moved = EksMoves.recreate(s, gw, second, pubA, MISPLACED_IP, friday,
                friday + s.between(14 * Times.MINUTE, 17 * Times.MINUTE));
        Herrings.harmlessRecreation(s, be, 0, friday + s.between(8 * Times.MINUTE, 12 * Times.MINUTE));
        Herrings.harmlessRecreation(s, be, 1, friday + s.between(24 * Times.MINUTE, 31 * Times.MINUTE));
        s.note(friday, "AWS-side maintenance: EKS creates control-plane ENI " + moved.newEniId() + " for " + gw.name()
                + " in **public** subnet " + pubA.id() + " (" + pubA.name() + "), address " + MISPLACED_IP);
        s.note(moved.swappedAt(), "The endpoint's DNS name now returns " + STAYING_IP + " and " + MISPLACED_IP
                + "; calls to " + MISPLACED_IP + " time out (no return route to 10.50.0.0/16)");

        long monday = Times.parse("2024-10-28T14:45:00Z") + s.between(0, 12 * Times.MINUTE);
        String mondayIp = Herrings.freeIp(s, privB);
        EksMoves.Recreation back = EksMoves.recreate(s, gw, moved.newEniId(), privB, mondayIp, monday);
        s.note(monday, "EKS replaces the ENI again; the new one (" + mondayIp + ") is in private subnet " + privB.name());
        s.note(back.swappedAt(), "Failures stop");

        long tuesday = Times.parse("2024-10-29T11:38:00Z") + s.between(0, 12 * Times.MINUTE);
        boolean otherZone = Math.floorMod(seed, 3) == 2;
        Estate.Subnet tuesdaySubnet = otherZone ? pubB : pubA;
        String tuesdayIp = otherZone ? Herrings.freeIp(s, pubB) : MISPLACED_IP;
        EksMoves.Recreation again = EksMoves.recreate(s, gw, back.newEniId(), tuesdaySubnet, tuesdayIp, tuesday,
                tuesday + s.between(12 * Times.MINUTE, 16 * Times.MINUTE));
        s.note(tuesday, "EKS replaces the ENI once more: " + again.newEniId() + " lands in public subnet "
                + tuesdaySubnet.name() + " with " + tuesdayIp);
        s.note(again.swappedAt(), "Failures resume and last until the end of the evidence");

        s.cause = new Expected.Cause(Expected.ENI_IN_UNROUTED_SUBNET, new Expected.Resources(gw.name(),
                List.of(moved.newEniId(), again.newEniId()),
                List.of(pubA.id(), tuesdaySubnet.id()).stream().distinct().toList(), vpc.publicRouteTableId(),
                Estate.BACKEND_CIDR, null, null, null), List.of(moved.createEventId(), again.createEventId()));
        s.title = "EKS control-plane ENI in a public subnet (the seed incident)";
        s.narrative = """
                Spinnaker's Clouddriver runs in the backend VPC (10.50.0.0/16) and manages the EKS cluster
                `prd-gw-eks` in the gateway VPC (172.20.0.0/16) over a VPC peering connection. The cluster's
                endpoint is private. Its subnet list holds two private subnets, whose route table sends
                10.50.0.0/16 to the peering connection, and two public subnets, whose route table sends
                0.0.0.0/0 to an internet gateway and has no route to the backend VPC.

                On Friday around noon Clouddriver starts logging `Could not list namespaces for account
                prd-api-eks-cluster: … dial tcp 172.20.101.121:443: i/o timeout`. Only calls to .121 fail,
                about half of them, because the endpoint's DNS name returns one address per control-plane
                ENI. Nobody changed anything: AWS replaced a control-plane ENI during routine maintenance,
                and EKS may put the new one in any subnet the cluster was given. The replies from the ENI in
                the public subnet follow that subnet's route table to the internet gateway and are lost.
                Monday afternoon the ENI is replaced into a private subnet and the errors stop; Tuesday
                around noon the next replacement lands in a public subnet again.

                The same week the team was upgrading `prd-backend-eks`, whose ENI replacements come even
                closer to the first failure, and Docker Hub rate-limited image pulls that morning.""";
        s.answer = """
                The cluster `prd-gw-eks` lists public subnets, and its control-plane ENIs recreated by EKS
                (CloudTrail `CreateNetworkInterface`, description `Amazon EKS prd-gw-eks`, on Friday and
                Tuesday) landed in a public subnet whose route table has no route to 10.50.0.0/16. The fix
                is to remove the public subnets from the cluster's subnets (or to add the peering route to
                the public route table).""";
        return s;
    }
}
