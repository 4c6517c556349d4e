package dev.rootline.samples.evidence;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;

/**
 * The background of an account's CloudTrail: the reads, role assumptions and worker-node ENI churn of two
 * busy EKS clusters, none of which breaks anything. One record per {@link #next} call; the only state is a
 * bounded pool of worker ENIs in mid-life, so memory stays constant however long it runs.
 */
public final class CloudTrailNoise {
    /** Worker ENIs alive at once, at most: the VPC CNI keeps a few per node. */
    static final int POOL = 48;
    private static final String CNI_AGENT = "amazon-vpc-cni-k8s/version/v1.18.5 aws-sdk-go/1.55.5 (go1.22.8; linux; amd64)";
    private static final String[] CONTROLLERS = {"aws-load-balancer-controller", "cluster-autoscaler", "external-dns"};

    private final Estate estate;
    private final SplittableRandom r;
    private final Set<String> reserved;
    private final List<Estate.Node> nodes = new ArrayList<>();
    private final List<Estate.Cluster> nodeClusters = new ArrayList<>();
    private final List<Principal> nodePrincipals = new ArrayList<>();
    private final List<WorkerEni> pool = new ArrayList<>();
    private final Set<String> live = new HashSet<>();
    private final String zoneId;

    private static final class WorkerEni {
        final String id;
        final Estate.Node node;
        final Principal who;
        final String ip;
        int stage;
        String attachmentId;

        WorkerEni(String id, Estate.Node node, Principal who, String ip) {
            this.id = id;
            this.node = node;
            this.who = who;
            this.ip = ip;
        }
    }

    /** @param reserved addresses the noise must never hand out (nodes, control-plane ENIs of the story) */
    public CloudTrailNoise(Estate estate, SplittableRandom random, Set<String> reserved) {
        this.estate = estate;
        this.r = random;
        this.reserved = Set.copyOf(reserved);
        for (Estate.Cluster c : estate.clusters()) {
            for (Estate.Node n : c.nodes()) {
                nodes.add(n);
                nodeClusters.add(c);
                nodePrincipals.add(Principal.role(c.nodeRoleName(), c.nodeRoleId(), "/", n.instanceId(), n.ip(), CNI_AGENT,
                        Ids.mix(estate.seed() ^ n.instanceId().hashCode())));
            }
        }
        this.zoneId = "Z0" + Ids.key(new SplittableRandom(estate.seed()), "", 19);
    }

    /**
     * How many records the hour starting at {@code hourStart} holds: {@code mean} shaped by US working hours
     * (busier 13:00–23:00 UTC) and quieter weekends, with some spread.
     */
    public static int perHour(long hourStart, int mean, SplittableRandom r) {
        int hour = (int) (Math.floorMod(hourStart, Times.DAY) / Times.HOUR);
        long day = Math.floorDiv(hourStart, Times.DAY);
        int dow = (int) Math.floorMod(day + 3, 7L); // 1970-01-01 was a Thursday: 0 = Monday
        double shape = hour >= 13 && hour <= 23 ? 1.45 : hour >= 4 && hour <= 9 ? 0.55 : 0.9;
        if (dow >= 5) {
            shape *= 0.6;
        }
        double spread = 0.8 + 0.4 * r.nextDouble();
        return Math.max(1, (int) Math.round(mean * shape * spread));
    }

    /** One background record at the given time. */
    public CloudTrailRecord next(long t) {
        int pick = r.nextInt(100);
        if (pick < 16) {
            return cni(t);
        }
        if (pick < 30) {
            return nodeRead(t);
        }
        if (pick < 42) {
            return webIdentity(t);
        }
        if (pick < 50) {
            return spinnakerAssume(t);
        }
        if (pick < 62) {
            return spinnakerRead(t);
        }
        if (pick < 69) {
            return eksRead(t);
        }
        if (pick < 80) {
            return controllerRead(t);
        }
        if (pick < 87) {
            return ServiceCalls.getAuthorizationToken(t, node(), "602401143452", r);
        }
        if (pick < 90) {
            return ServiceCalls.getParameters(t, controller("cluster-autoscaler"),
                    "/aws/service/eks/optimized-ami/1.30/amazon-linux-2023/x86_64/standard/recommended/image_id", r);
        }
        if (pick < 94) {
            return ServiceCalls.getCallerIdentity(t, person(), r);
        }
        if (pick < 98) {
            return tagging(t);
        }
        return unrelatedGroupChange(t);
    }

    private CloudTrailRecord cni(long t) {
        if (pool.size() < 8 || (pool.size() < POOL && r.nextInt(100) < 30)) {
            int k = r.nextInt(nodes.size());
            Estate.Node n = nodes.get(k);
            Estate.Cluster c = nodeClusters.get(k);
            WorkerEni e = new WorkerEni(Ids.aws(r, "eni"), n, nodePrincipals.get(k), freeIp(n.subnet().cidr()));
            pool.add(e);
            return EniCalls.createNetworkInterface(t, e.who, estate.account(), new EniCalls.Eni(e.id, n.subnet().id(),
                    c.vpc().id(), n.subnet().az(), "aws-K8S-" + n.instanceId(), e.ip, c.nodeSgId(),
                    "eks-cluster-sg-" + c.name(), Ids.mac(r), null, List.of("node.k8s.amazonaws.com/instance_id",
                    n.instanceId(), "cluster.k8s.amazonaws.com/name", c.name())), r);
        }
        int i = r.nextInt(pool.size());
        WorkerEni e = pool.get(i);
        switch (e.stage++) {
            case 0 -> {
                e.attachmentId = Ids.aws(r, "eni-attach");
                return EniCalls.attachNetworkInterface(t, e.who, e.id, e.node.instanceId(), 1 + r.nextInt(3),
                        e.attachmentId, r);
            }
            case 1 -> {
                return EniCalls.setDeleteOnTermination(t, e.who, e.id, e.attachmentId, r);
            }
            case 2, 3 -> {
                List<String> ips = new ArrayList<>();
                int n = 1 + r.nextInt(5);
                for (int k = 0; k < n; k++) {
                    ips.add(freeIp(e.node.subnet().cidr()));
                }
                return EniCalls.assignPrivateIpAddresses(t, e.who, e.id, ips, r);
            }
            case 4 -> {
                return EniCalls.detachNetworkInterface(t, e.who, e.attachmentId, r);
            }
            default -> {
                pool.set(i, pool.get(pool.size() - 1));
                pool.remove(pool.size() - 1);
                return EniCalls.deleteNetworkInterface(t, e.who, e.id, r);
            }
        }
    }

    private CloudTrailRecord nodeRead(long t) {
        int k = r.nextInt(nodes.size());
        Principal who = nodePrincipals.get(k);
        CloudTrailRecord rec = r.nextBoolean()
                ? EniCalls.describe(t, who, "DescribeNetworkInterfaces", r, "networkInterfaceIdSet",
                "networkInterfaceId", List.of(), "attachment.instance-id", nodes.get(k).instanceId())
                : EniCalls.describe(t, who, "DescribeInstances", r, "instancesSet", "instanceId",
                List.of(nodes.get(k).instanceId()));
        if (r.nextInt(100) < 3) {
            rec.error("Client.RequestLimitExceeded", "Request limit exceeded.");
        }
        return rec;
    }

    private CloudTrailRecord webIdentity(long t) {
        Estate.Cluster c = estate.clusters().get(r.nextInt(2));
        String controller = r.nextInt(4) == 0 ? "aws-node" : CONTROLLERS[r.nextInt(CONTROLLERS.length)];
        Estate.Node n = c.nodes().get(r.nextInt(c.nodes().size()));
        Principal pod = Principal.webIdentity("system:serviceaccount:kube-system:" + controller,
                c.oidcProviderArn(estate.account(), estate.region()), n.ip(),
                "aws-sdk-go-v2/1.30.4 ua/2.1 os/linux lang/go#1.22.8 md/GOOS#linux md/GOARCH#amd64 api/sts#1.30.6");
        return ServiceCalls.assumeRoleWithWebIdentity(t, pod, estate.account(), c.name() + "-" + controller, r);
    }

    private CloudTrailRecord spinnakerAssume(long t) {
        Principal base = estate.actors().spinnaker().withSession("clouddriver-" + Ids.digits(r, 6),
                estate.backend().natPublicIp());
        CloudTrailRecord rec = ServiceCalls.assumeRole(t, base, estate.account(), "spinnaker-managed-role", "Spinnaker", r);
        if (r.nextInt(200) == 0) {
            rec.error("AccessDenied", "User: " + base.arn(estate.account())
                    + " is not authorized to perform: sts:AssumeRole on resource: arn:aws:iam::" + estate.account()
                    + ":role/spinnaker-managed-role");
        }
        return rec;
    }

    private CloudTrailRecord spinnakerRead(long t) {
        Principal who = estate.actors().spinnaker();
        return switch (r.nextInt(5)) {
            case 0 -> EniCalls.describe(t, who, "DescribeSecurityGroups", r, "securityGroupIdSet", "groupId", List.of());
            case 1 -> EniCalls.describe(t, who, "DescribeSubnets", r, "subnetSet", "subnetId", List.of());
            case 2 -> EniCalls.describe(t, who, "DescribeVpcs", r, "vpcSet", "vpcId", List.of());
            case 3 -> EniCalls.describe(t, who, "DescribeImages", r, "imagesSet", "imageId", List.of(),
                    "owner-id", estate.account());
            default -> EniCalls.describe(t, who, "DescribeInstances", r, "instancesSet", "instanceId", List.of(),
                    "instance-state-name", "running");
        };
    }

    private CloudTrailRecord eksRead(long t) {
        Principal who = r.nextInt(3) == 0 ? person() : estate.actors().spinnaker();
        if (r.nextInt(6) == 0) {
            return ServiceCalls.listClusters(t, who, r);
        }
        return ServiceCalls.describeCluster(t, who, estate.clusters().get(r.nextInt(2)).name(), r);
    }

    private CloudTrailRecord controllerRead(long t) {
        Estate.Cluster c = estate.clusters().get(r.nextInt(2));
        return switch (r.nextInt(4)) {
            case 0 -> ServiceCalls.describeAutoScalingGroups(t, controller(c, "cluster-autoscaler"), r);
            case 1 -> ServiceCalls.describeTargetHealth(t, controller(c, "aws-load-balancer-controller"),
                    "arn:aws:elasticloadbalancing:" + estate.region() + ":" + estate.account() + ":targetgroup/k8s-"
                            + c.name().substring(4, 8) + "-web-" + Ids.hex(new SplittableRandom(c.createdAt()), 10)
                            + "/" + Ids.hex(new SplittableRandom(c.createdAt() + 1), 16), r);
            case 2 -> ServiceCalls.listResourceRecordSets(t, controller(c, "external-dns"), zoneId, r);
            default -> EniCalls.describe(t, controller(c, "cluster-autoscaler"), "DescribeInstanceTypes", r,
                    null, null, List.of());
        };
    }

    private CloudTrailRecord tagging(long t) {
        int k = r.nextInt(nodes.size());
        return EniCalls.createTags(t, estate.actors().terraform(), nodes.get(k).instanceId(), r,
                "cost-center", "platform-" + (100 + r.nextInt(5)), "managed-by", "terraform");
    }

    /** A rule on a group no incident path uses: the kind of change that draws suspicion and means nothing. */
    private CloudTrailRecord unrelatedGroupChange(long t) {
        Estate.Group group = estate.otherGroups().get(r.nextInt(estate.otherGroups().size()));
        Ec2Calls.Permission p = new Ec2Calls.Permission("tcp", group.name().contains("rds") ? 5432 : 22,
                group.name().contains("rds") ? 5432 : 22, "198.51.100." + r.nextInt(256) + "/32", "temporary access");
        Principal who = person();
        String rule = Ids.aws(r, "sgr");
        return r.nextBoolean()
                ? Ec2Calls.authorizeIngress(t, who, estate.account(), group.id(), p, rule, r)
                : Ec2Calls.revokeIngress(t, who, estate.account(), group.id(), p, rule, r);
    }

    private Principal node() {
        return nodePrincipals.get(r.nextInt(nodePrincipals.size()));
    }

    private Principal person() {
        List<Principal> people = estate.actors().engineers();
        return people.get(r.nextInt(people.size()));
    }

    private Principal controller(String name) {
        return controller(estate.clusters().get(r.nextInt(2)), name);
    }

    private Principal controller(Estate.Cluster c, String name) {
        String role = c.name() + "-" + name;
        for (Principal p : estate.actors().controllers()) {
            if (p.name().equals(role)) {
                return p;
            }
        }
        throw new IllegalStateException("no controller " + role);
    }

    /** An address in the block that is neither reserved nor recently handed out; the memory of those is bounded. */
    private String freeIp(Cidr cidr) {
        while (true) {
            String ip = cidr.randomHost(r);
            if (reserved.contains(ip)) {
                continue;
            }
            if (live.size() >= 4 * POOL) {
                live.clear();
            }
            if (live.add(ip)) {
                return ip;
            }
        }
    }
}
