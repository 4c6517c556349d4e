package dev.rootline.ingest.aws;

import software.amazon.awssdk.core.SdkPojo;
import software.amazon.awssdk.services.ec2.Ec2Client;
import software.amazon.awssdk.services.ec2.model.Filter;
import software.amazon.awssdk.services.ec2.model.VpcPeeringConnection;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * {@code rootline pull ec2}: snapshots of the network as the describe calls see it now, one file per call
 * ({@code network-interfaces.json} holds {@code {"ObservedAt": …, "NetworkInterfaces": [...]}}), for the EC2
 * snapshot parser. {@code vpcs} narrows every call to those VPCs; peering connections are kept when either
 * side is one of them (an EC2 filter cannot say "requester or accepter").
 */
public final class Ec2Pull {
    private final Ec2Client ec2;
    private final Clock clock;

    public Ec2Pull(Ec2Client ec2, Clock clock) {
        this.ec2 = ec2;
        this.clock = clock;
    }

    /** Items written per file name, in call order. */
    public Map<String, Long> run(Set<String> vpcs, Path folder) throws IOException {
        List<Filter> filters = vpcs.isEmpty() ? List.of() : List.of(Filter.builder().name("vpc-id").values(vpcs).build());
        Predicate<VpcPeeringConnection> peering = p -> vpcs.isEmpty()
                || p.requesterVpcInfo() != null && vpcs.contains(p.requesterVpcInfo().vpcId())
                || p.accepterVpcInfo() != null && vpcs.contains(p.accepterVpcInfo().vpcId());
        String scope = vpcs.isEmpty() ? "the region" : "VPCs " + String.join(", ", vpcs);
        Map<String, Long> written = new LinkedHashMap<>();
        written.put("network-interfaces.json", snapshot(folder, "network-interfaces.json", "NetworkInterfaces",
                "DescribeNetworkInterfaces", scope, f -> ec2.describeNetworkInterfacesPaginator(b -> b.filters(f))
                        .networkInterfaces(), filters, x -> true));
        written.put("subnets.json", snapshot(folder, "subnets.json", "Subnets", "DescribeSubnets", scope,
                f -> ec2.describeSubnetsPaginator(b -> b.filters(f)).subnets(), filters, x -> true));
        written.put("route-tables.json", snapshot(folder, "route-tables.json", "RouteTables", "DescribeRouteTables",
                scope, f -> ec2.describeRouteTablesPaginator(b -> b.filters(f)).routeTables(), filters, x -> true));
        written.put("vpc-peering-connections.json", snapshot(folder, "vpc-peering-connections.json",
                "VpcPeeringConnections", "DescribeVpcPeeringConnections", scope,
                f -> ec2.describeVpcPeeringConnectionsPaginator(b -> { }).vpcPeeringConnections(), filters, peering));
        written.put("security-groups.json", snapshot(folder, "security-groups.json", "SecurityGroups",
                "DescribeSecurityGroups", scope, f -> ec2.describeSecurityGroupsPaginator(b -> b.filters(f))
                        .securityGroups(), filters, x -> true));
        written.put("network-acls.json", snapshot(folder, "network-acls.json", "NetworkAcls", "DescribeNetworkAcls",
                scope, f -> ec2.describeNetworkAclsPaginator(b -> b.filters(f)).networkAcls(), filters, x -> true));
        written.put("vpcs.json", snapshot(folder, "vpcs.json", "Vpcs", "DescribeVpcs", scope,
                f -> ec2.describeVpcsPaginator(b -> b.filters(f)).vpcs(), filters, x -> true));
        return written;
    }

    private <T extends SdkPojo> long snapshot(Path folder, String file, String listKey, String operation, String scope,
                                              Function<List<Filter>, Iterable<T>> describe, List<Filter> filters,
                                              Predicate<T> keep) throws IOException {
        AwsCall call = AwsCall.of("ec2:" + operation, "ec2:" + operation, scope);
        long[] n = {0};
        SnapshotFiles.write(folder.resolve(file), g -> {
            g.writeStartObject();
            SnapshotFiles.observedAt(g, clock.instant());
            n[0] = SnapshotFiles.array(g, listKey, call.each(describe.apply(filters)), keep);
            g.writeEndObject();
        });
        return n[0];
    }
}
