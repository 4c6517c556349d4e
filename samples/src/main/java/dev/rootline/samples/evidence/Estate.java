package dev.rootline.samples.evidence;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;

/**
 * The AWS estate the evidence describes, as in the seed incident: a gateway VPC (172.20.0.0/16) with the EKS
 * cluster {@code prd-gw-eks}, a backend VPC (10.50.0.0/16) with {@code prd-backend-eks}, where Spinnaker's
 * Clouddriver runs, and a VPC peering connection between them. Names and address plans are fixed; every id,
 * host address and principal is drawn from the seed.
 *
 * <p>Only identities live here. What changes over time (routes, rules, control-plane ENIs) is the
 * scenario's business.
 *
 * @param eksAccount the AWS-owned account that runs EKS control planes and attaches their ENIs
 * @param clouddriverIp the Clouddriver pod's address in the backend VPC: the client of every failing call
 * @param otherGroups security groups that no incident path uses (databases, bastions): targets for noise
 */
public record Estate(
        long seed,
        String account,
        String region,
        String eksAccount,
        Vpc gateway,
        Vpc backend,
        Cluster gatewayCluster,
        Cluster backendCluster,
        String peeringId,
        String clouddriverIp,
        List<Group> otherGroups,
        Actors actors) {

    public static final String GATEWAY_CIDR = "172.20.0.0/16";
    public static final String BACKEND_CIDR = "10.50.0.0/16";
    public static final String GATEWAY_CLUSTER = "prd-gw-eks";
    public static final String BACKEND_CLUSTER = "prd-backend-eks";
    /** Clouddriver's account names, worded as in the seed incident's log line. */
    public static final String GATEWAY_ACCOUNT = "prd-api-eks-cluster";
    public static final String BACKEND_ACCOUNT = "prd-backend-eks-cluster";

    /** One subnet; {@code isPublic} means its route table sends 0.0.0.0/0 to an internet gateway. */
    public record Subnet(String id, String name, Cidr cidr, String az, String azId, boolean isPublic) {
    }

    public record Vpc(String id, String name, Cidr cidr, List<Subnet> subnets, String mainRouteTableId,
                      String privateRouteTableId, String publicRouteTableId, String igwId, String natGatewayId,
                      String natPublicIp, String defaultNaclId, String defaultSgId) {
        public Vpc {
            subnets = List.copyOf(subnets);
        }

        public List<Subnet> privateSubnets() {
            return subnets.stream().filter(s -> !s.isPublic()).toList();
        }

        public List<Subnet> publicSubnets() {
            return subnets.stream().filter(Subnet::isPublic).toList();
        }

        public Subnet subnet(String id) {
            return subnets.stream().filter(s -> s.id().equals(id)).findFirst()
                    .orElseThrow(() -> new IllegalArgumentException("no subnet " + id + " in " + this.id));
        }

        /** The subnet that holds the address, or null. */
        public Subnet subnetOf(String ip) {
            int a = Cidr.ip(ip);
            return subnets.stream().filter(s -> s.cidr().contains(a)).findFirst().orElse(null);
        }
    }

    /** A worker node: its instance, primary address and primary ENI. */
    public record Node(String instanceId, String ip, Subnet subnet, String eniId) {
    }

    /**
     * An EKS cluster's fixed facts.
     *
     * @param subnetIds the subnets given to the cluster: EKS may put a control-plane ENI in any of them
     */
    public record Cluster(String name, String clouddriverAccount, Vpc vpc, List<String> subnetIds, String version,
                          String platformVersion, String endpoint, List<String> publicEndpointIps, String clusterSgId,
                          String nodeSgId, String roleName, String roleId, String nodeRoleName, String nodeRoleId,
                          String oidcId, List<Node> nodes, long createdAt) {
        public Cluster {
            subnetIds = List.copyOf(subnetIds);
            publicEndpointIps = List.copyOf(publicEndpointIps);
            nodes = List.copyOf(nodes);
        }

        public String arn(String account, String region) {
            return "arn:aws:eks:" + region + ":" + account + ":cluster/" + name;
        }

        public String clusterSgName() {
            return "eks-cluster-sg-" + name + "-" + Math.abs(createdAt % 1_000_000_000L);
        }

        public String oidcProviderArn(String account, String region) {
            return "arn:aws:iam::" + account + ":oidc-provider/oidc.eks." + region + ".amazonaws.com/id/" + oidcId;
        }

        /** EKS's own principal in this account: the cluster role, session {@code AmazonEKS}, invoked by EKS. */
        public Principal eksPrincipal(long keySeed) {
            return Principal.serviceRole(roleName, roleId, "/", "AmazonEKS", "eks.amazonaws.com", keySeed);
        }
    }

    /** A security group outside every incident path. */
    public record Group(String id, String name, String vpcId, String description) {
    }

    /**
     * The people and programs that call AWS.
     *
     * @param engineers SSO sessions of people, some through the console
     * @param spinnaker Clouddriver's AWS role
     * @param controllers in-cluster controllers with IRSA roles (load balancer controller, autoscaler…)
     */
    public record Actors(Principal terraform, List<Principal> engineers, Principal spinnaker,
                         List<Principal> controllers) {
        public Actors {
            engineers = List.copyOf(engineers);
            controllers = List.copyOf(controllers);
        }
    }

    /** The estate for a seed; {@code gatewayPublicSubnets} also gives the gateway cluster the public subnets. */
    public static Estate generate(long seed, boolean gatewayPublicSubnets) {
        SplittableRandom r = new SplittableRandom(seed ^ 0x5EEDE57A7EL);
        String account = Ids.account(r);
        String region = "us-east-1";
        Vpc gateway = vpc(r, "prd-gw", GATEWAY_CIDR, new String[] {"172.20.0.0/20", "172.20.16.0/20"},
                new String[] {"172.20.96.0/20", "172.20.112.0/20"});
        Vpc backend = vpc(r, "prd-backend", BACKEND_CIDR, new String[] {"10.50.0.0/19", "10.50.32.0/19"},
                new String[] {"10.50.128.0/22", "10.50.132.0/22"});
        List<String> gwSubnets = new ArrayList<>(gateway.privateSubnets().stream().map(Subnet::id).toList());
        if (gatewayPublicSubnets) {
            gwSubnets.addAll(gateway.publicSubnets().stream().map(Subnet::id).toList());
        }
        Cluster gw = cluster(r, GATEWAY_CLUSTER, GATEWAY_ACCOUNT, gateway, gwSubnets, "1.30", "eks.14", 4);
        Cluster be = cluster(r, BACKEND_CLUSTER, BACKEND_ACCOUNT, backend,
                backend.privateSubnets().stream().map(Subnet::id).toList(), "1.29", "eks.16", 6);
        String clouddriverIp = backend.privateSubnets().get(0).cidr().randomHost(r);
        List<Group> others = List.of(
                new Group(Ids.aws(r, "sg"), "prd-orders-rds", backend.id(), "Orders database (PostgreSQL)"),
                new Group(Ids.aws(r, "sg"), "prd-bastion", backend.id(), "SSH bastion, office ranges only"),
                new Group(Ids.aws(r, "sg"), "prd-gw-redis", gateway.id(), "Rate-limit cache"));
        return new Estate(seed, account, region, Ids.account(r), gateway, backend, gw, be, Ids.aws(r, "pcx"),
                clouddriverIp, others, actors(r, account, region, gw, be, backend));
    }

    /** Addresses already in use (nodes, Clouddriver): noise must not hand them out again. */
    public Set<String> reservedIps() {
        Set<String> ips = new LinkedHashSet<>();
        ips.add(clouddriverIp);
        for (Cluster c : List.of(gatewayCluster, backendCluster)) {
            c.nodes().forEach(n -> ips.add(n.ip()));
        }
        return ips;
    }

    public List<Cluster> clusters() {
        return List.of(gatewayCluster, backendCluster);
    }

    public Cluster cluster(String name) {
        return clusters().stream().filter(c -> c.name().equals(name)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no cluster " + name));
    }

    private static Vpc vpc(SplittableRandom r, String name, String cidr, String[] privates, String[] publics) {
        String[] azs = {"us-east-1a", "us-east-1b"};
        String[] azIds = {"use1-az4", "use1-az6"};
        List<Subnet> subnets = new ArrayList<>();
        for (int i = 0; i < privates.length; i++) {
            subnets.add(new Subnet(Ids.aws(r, "subnet"), name + "-private-" + azs[i], Cidr.parse(privates[i]), azs[i],
                    azIds[i], false));
        }
        for (int i = 0; i < publics.length; i++) {
            subnets.add(new Subnet(Ids.aws(r, "subnet"), name + "-public-" + azs[i], Cidr.parse(publics[i]), azs[i],
                    azIds[i], true));
        }
        String natIp = publicIp(r);
        return new Vpc(Ids.aws(r, "vpc"), name, Cidr.parse(cidr), subnets, Ids.aws(r, "rtb"), Ids.aws(r, "rtb"),
                Ids.aws(r, "rtb"), Ids.aws(r, "igw"), Ids.aws(r, "nat"), natIp, Ids.aws(r, "acl"), Ids.aws(r, "sg"));
    }

    private static Cluster cluster(SplittableRandom r, String name, String cdAccount, Vpc vpc, List<String> subnetIds,
                                   String version, String platform, int nodes) {
        List<Node> list = new ArrayList<>();
        List<Subnet> privates = vpc.privateSubnets();
        Set<String> used = new LinkedHashSet<>();
        for (int i = 0; i < nodes; i++) {
            Subnet s = privates.get(i % privates.size());
            String ip;
            do {
                ip = s.cidr().randomHost(r);
            } while (!used.add(ip));
            list.add(new Node("i-0" + Ids.hex(r, 16), ip, s, Ids.aws(r, "eni")));
        }
        String endpoint = "https://" + Ids.hex(r, 32).toUpperCase(java.util.Locale.ROOT) + ".gr7.us-east-1.eks.amazonaws.com";
        long created = Times.parse("2023-03-01T00:00:00Z") + r.nextLong(200 * Times.DAY);
        return new Cluster(name, cdAccount, vpc, subnetIds, version, platform, endpoint,
                List.of(publicIp(r), publicIp(r)), Ids.aws(r, "sg"), Ids.aws(r, "sg"), name + "-cluster-role",
                Ids.key(r, "AROA", 17), name + "-node-role", Ids.key(r, "AROA", 17),
                Ids.hex(r, 32).toUpperCase(java.util.Locale.ROOT), list, created);
    }

    private static Actors actors(SplittableRandom r, String account, String region, Cluster gw, Cluster be, Vpc backend) {
        String tfAgent = "APN/1.0 HashiCorp/1.0 Terraform/1.9.8 (+https://www.terraform.io) terraform-provider-aws/5.72.1 "
                + "(+https://registry.terraform.io/providers/hashicorp/aws) aws-sdk-go-v2/1.32.2 ua/2.1 os/linux "
                + "lang/go#1.23.2 md/GOOS#linux md/GOARCH#amd64 api/ec2#1.182.0";
        Principal terraform = Principal.role("terraform-ci", Ids.key(r, "AROA", 17), "/", "atlantis-" + Ids.digits(r, 10),
                publicIp(r), tfAgent, r.nextLong());
        String cli = "aws-cli/2.18.10 md/awscrt#0.22.0 ua/2.0 os/macos#23.6.0 md/arch#arm64 lang/python#3.12.6 "
                + "md/pyimpl#CPython cfg/retry-mode#standard md/installer#source md/prompt#off";
        String ssoRole = "AWSReservedSSO_AdministratorAccess_" + Ids.hex(r, 16);
        String ssoId = Ids.key(r, "AROA", 17);
        String office = "198.51.100." + (10 + r.nextInt(200));
        List<Principal> engineers = List.of(
                Principal.role(ssoRole, ssoId, "/aws-reserved/sso.amazonaws.com/", "maria.lopez@example.com", office,
                        cli, r.nextLong()),
                Principal.role(ssoRole, ssoId, "/aws-reserved/sso.amazonaws.com/", "dev.patel@example.com",
                        "203.0.113." + (10 + r.nextInt(200)), "AWS Internal", r.nextLong()).viaConsole(),
                Principal.role(ssoRole, ssoId, "/aws-reserved/sso.amazonaws.com/", "sam.okafor@example.com", office,
                        cli, r.nextLong()));
        String javaAgent = "aws-sdk-java/1.12.767 Linux/5.10.225-213.878.amzn2.x86_64 OpenJDK_64-Bit_Server_VM/17.0.12+7-LTS "
                + "java/17.0.12 vendor/Eclipse_Adoptium cfg/retry-mode/legacy";
        Principal spinnaker = Principal.role("spinnaker-managed-role", Ids.key(r, "AROA", 17), "/", "Spinnaker",
                backend.natPublicIp(), javaAgent, r.nextLong());
        String goAgent = "aws-sdk-go-v2/1.30.4 ua/2.1 os/linux lang/go#1.22.8 md/GOOS#linux md/GOARCH#amd64";
        List<Principal> controllers = new ArrayList<>();
        for (Cluster c : List.of(gw, be)) {
            for (String controller : List.of("aws-load-balancer-controller", "cluster-autoscaler", "external-dns")) {
                Node n = c.nodes().get(r.nextInt(c.nodes().size()));
                controllers.add(Principal.role(c.name() + "-" + controller, Ids.key(r, "AROA", 17), "/",
                        Ids.digits(r, 19), n.ip(), goAgent + " api/ec2#1.173.0", r.nextLong()));
            }
        }
        return new Actors(terraform, engineers, spinnaker, controllers);
    }

    private static String publicIp(SplittableRandom r) {
        int[] firsts = {3, 18, 34, 44, 52, 54};
        return firsts[r.nextInt(firsts.length)] + "." + r.nextInt(256) + "." + r.nextInt(256) + "." + (1 + r.nextInt(254));
    }
}
