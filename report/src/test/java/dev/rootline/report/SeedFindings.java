package dev.rootline.report;

import dev.rootline.timeline.findings.Association;
import dev.rootline.timeline.findings.Burst;
import dev.rootline.timeline.findings.EniEvent;
import dev.rootline.timeline.findings.EvidenceEvent;
import dev.rootline.timeline.findings.Findings;
import dev.rootline.timeline.findings.Hypothesis;
import dev.rootline.timeline.findings.HypothesisKind;
import dev.rootline.timeline.findings.PathCheck;
import dev.rootline.timeline.merged.FlowTimeline;
import dev.rootline.timeline.merged.Timeline;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Hand-built findings shaped like the seed incident (shared/seed/incident.txt): EKS cluster prd-gw-eks loses
 * its control-plane ENIs to maintenance, the replacements land in public subnets whose route table has no
 * route back to the backend VPC 10.50.0.0/16, and Clouddriver times out against 172.20.101.121:443 in two
 * bursts. Evidence text and raw records carry XSS payloads, as attacker-controlled input would.
 */
final class SeedFindings {
    static final String SCRIPT = "<script>alert(1)</script>";
    static final String IMG = "\"><img src=x onerror=alert(1)>";
    static final String JS_URL = "javascript:alert(1)";
    static final String CLUSTER = "prd-gw-eks";
    static final String TOP_TITLE = "EKS control-plane ENIs of prd-gw-eks landed in public subnets whose route table "
            + "rtb-0a7c2e91 has no route back to 10.50.0.0/16";
    static final String INDEX = "/var/lib/rootline/index";

    static final Instant FROM = Instant.parse("2024-10-24T00:00:00Z");
    static final Instant TO = Instant.parse("2024-10-30T12:00:00Z");
    static final Instant B1_START = Instant.parse("2024-10-25T12:03:40Z");
    static final Instant B1_END = Instant.parse("2024-10-28T14:31:05Z");
    static final Instant B2_START = Instant.parse("2024-10-29T12:01:12Z");
    static final Instant B2_END = Instant.parse("2024-10-30T09:12:30Z");

    private SeedFindings() {
    }

    static Findings incident() {
        return build(CLUSTER, "172.20.101.121:443", "prd-api-eks-cluster", "eni-0c3f5a9e1b7d20003");
    }

    /** The same incident where resource names, targets and clients are themselves payloads. */
    static Findings hostileNames() {
        return build(CLUSTER + IMG, "172.20.101.121:443" + SCRIPT, "clouddriver " + JS_URL, "eni-0c3f" + IMG);
    }

    private static Findings build(String cluster, String target, String client, String publicEni) {
        Map<String, EvidenceEvent> ev = new LinkedHashMap<>();
        put(ev, new EvidenceEvent("ct-create-0003", Instant.parse("2024-10-25T11:58:02Z"), "cloudtrail",
                "CreateNetworkInterface by eks.amazonaws.com eni=" + publicEni + " subnet=subnet-0pub1a",
                "{\"eventVersion\":\"1.08\",\"eventTime\":\"2024-10-25T11:58:02Z\",\"eventSource\":\"ec2.amazonaws.com\","
                        + "\"eventName\":\"CreateNetworkInterface\",\"awsRegion\":\"us-east-1\",\"sourceIPAddress\":\"eks.amazonaws.com\","
                        + "\"userAgent\":\"" + IMG.replace("\"", "\\\"") + "\",\"requestParameters\":{\"subnetId\":\"subnet-0pub1a\","
                        + "\"description\":\"Amazon EKS " + cluster.replace("\"", "\\\"") + "\"},\"responseElements\":{\"networkInterface\":"
                        + "{\"networkInterfaceId\":\"" + publicEni.replace("\"", "\\\"") + "\",\"privateIpAddress\":\"172.20.101.121\"}}}",
                "/evidence/cloudtrail/2024/10/25/123456789012_CloudTrail_us-east-1_20241025T1200Z.json.gz@18231",
                "eventName:CreateNetworkInterface AND eni:eni-0c3f5a9e1b7d20003"));
        put(ev, new EvidenceEvent("ct-delete-0002", Instant.parse("2024-10-25T11:57:31Z"), "cloudtrail",
                "DeleteNetworkInterface by eks.amazonaws.com eni=eni-0b2e4d8c0a6c10002",
                "{\"eventName\":\"DeleteNetworkInterface\",\"requestParameters\":{\"networkInterfaceId\":\"eni-0b2e4d8c0a6c10002\"}}",
                "/evidence/cloudtrail/2024/10/25/123456789012_CloudTrail_us-east-1_20241025T1200Z.json.gz@16002",
                "eventName:DeleteNetworkInterface AND eni:eni-0b2e4d8c0a6c10002"));
        put(ev, new EvidenceEvent("ct-create-0005", Instant.parse("2024-10-29T11:56:48Z"), "cloudtrail",
                "CreateNetworkInterface by eks.amazonaws.com eni=eni-0e5a7c3b9d1f40005 subnet=subnet-0pub1b",
                "{\"eventName\":\"CreateNetworkInterface\",\"requestParameters\":{\"subnetId\":\"subnet-0pub1b\"}}",
                "/evidence/cloudtrail/2024/10/29/123456789012_CloudTrail_us-east-1_20241029T1200Z.json.gz@9120",
                "eventName:CreateNetworkInterface AND eni:eni-0e5a7c3b9d1f40005"));
        put(ev, new EvidenceEvent("cd-first-timeout", Instant.parse("2024-10-25T12:03:40.112Z"), "clouddriver",
                "c.n.s.c.k.s.KubernetesCredentials: Could not list namespaces for account prd-api-eks-cluster: "
                        + "dial tcp 172.20.101.121:443: i/o timeout " + SCRIPT,
                "2024-10-25 12:03:40.112 ERROR 1 --- [ Thread-26089] c.n.s.c.k.s.KubernetesCredentials : Could not list "
                        + "namespaces for account prd-api-eks-cluster: Failed to read [namespace] from : Unable to connect "
                        + "to the server: dial tcp 172.20.101.121:443: i/o timeout " + SCRIPT + "\n\tat ```fence``` "
                        + "com.netflix.spinnaker.clouddriver.kubernetes.security.KubernetesCredentials.list(KubernetesCredentials.java:412)",
                "/evidence/clouddriver/clouddriver.log:88213",
                "error:io_timeout AND ip:172.20.101.121"));
        put(ev, new EvidenceEvent("cd-b2-timeout", Instant.parse("2024-10-29T23:15:19.078Z"), "clouddriver",
                "c.n.s.c.k.s.KubernetesCredentials: Could not list namespaces for account prd-api-eks-cluster: "
                        + "dial tcp 172.20.101.121:443: i/o timeout",
                "2024-10-29 23:15:19.078 ERROR 1 --- [ Thread-26089] c.n.s.c.k.s.KubernetesCredentials : Could not list "
                        + "namespaces for account prd-api-eks-cluster: dial tcp 172.20.101.121:443: i/o timeout",
                "/evidence/clouddriver/clouddriver.log:190455",
                "error:io_timeout AND ip:172.20.101.121 AND message:\"can't list\""));
        put(ev, new EvidenceEvent("ec2-rtb-pub", Instant.parse("2024-10-29T14:00:00Z"), "ec2",
                "route-table rtb-0a7c2e91 subnet=subnet-0pub1a routes: local, 0.0.0.0/0 -> igw-07d1; none to 10.50.0.0/16",
                "{\"RouteTableId\":\"rtb-0a7c2e91\",\"Routes\":[{\"DestinationCidrBlock\":\"172.20.0.0/16\",\"GatewayId\":\"local\"},"
                        + "{\"DestinationCidrBlock\":\"0.0.0.0/0\",\"GatewayId\":\"igw-07d1\"}]}",
                "/evidence/ec2/describe-route-tables.json", "routeTable:rtb-0a7c2e91"));
        put(ev, new EvidenceEvent("k8s-warn", Instant.parse("2024-10-25T12:05:10Z"), "k8s-event",
                "Warning FailedSync pod/clouddriver-7f9c: see " + JS_URL,
                "{\"kind\":\"Event\",\"reason\":\"FailedSync\",\"message\":\"see " + JS_URL + " " + IMG.replace("\"", "\\\"") + "\"}",
                "/evidence/k8s/events.json", "source:k8s-event AND reason:FailedSync"));
        put(ev, new EvidenceEvent("ct-sg-ingress", Instant.parse("2024-10-22T09:14:00Z"), "cloudtrail",
                "AuthorizeSecurityGroupIngress by arn:aws:iam::123456789012:user/ops sg=sg-0cd1e2f3",
                "{\"eventName\":\"AuthorizeSecurityGroupIngress\",\"requestParameters\":{\"groupId\":\"sg-0cd1e2f3\"}}",
                "/evidence/cloudtrail/2024/10/22/x.json.gz@77", "eventName:AuthorizeSecurityGroupIngress"));
        put(ev, new EvidenceEvent("cd-ok-39", Instant.parse("2024-10-26T08:00:02Z"), "clouddriver",
                "c.n.s.c.k.s.KubernetesCredentials: listed 42 namespaces via 172.20.1.39:443",
                "2024-10-26 08:00:02.551 INFO 1 --- [ Thread-27001] c.n.s.c.k.s.KubernetesCredentials : listed 42 namespaces via 172.20.1.39:443",
                "/evidence/clouddriver/clouddriver.log:101220", "ip:172.20.1.39 AND message:listed"));

        List<Burst> bursts = List.of(
                new Burst("b1", "io_timeout", target, B1_START, B1_END, 4_123, List.of(client), List.of("cd-first-timeout")),
                new Burst("b2", "io_timeout", target, B2_START, B2_END, 1_207, List.of(client), List.of("cd-b2-timeout")));

        List<EniEvent> enis = List.of(
                new EniEvent(Instant.parse("2024-10-24T06:00:00Z"), "observed", "eni-0a1f3c5e7b9d00001", cluster,
                        "subnet-0priv1a", "private", "172.20.1.39", "ec2-eni-0001"),
                new EniEvent(Instant.parse("2024-10-24T06:00:00Z"), "observed", "eni-0b2e4d8c0a6c10002", cluster,
                        "subnet-0priv1b", "private", "172.20.2.121", "ec2-eni-0002"),
                new EniEvent(Instant.parse("2024-10-25T11:57:31Z"), "delete", "eni-0b2e4d8c0a6c10002", cluster,
                        "subnet-0priv1b", "private", "172.20.2.121", "ct-delete-0002"),
                new EniEvent(Instant.parse("2024-10-25T11:58:02Z"), "create", publicEni, cluster,
                        "subnet-0pub1a", "public", "172.20.101.121", "ct-create-0003"),
                new EniEvent(Instant.parse("2024-10-28T14:30:10Z"), "delete", publicEni, cluster,
                        "subnet-0pub1a", "public", "172.20.101.121", "ct-delete-0003"),
                new EniEvent(Instant.parse("2024-10-28T14:30:44Z"), "create", "eni-0d4b6f2a8c0e30004", cluster,
                        "subnet-0priv1b", "private", "172.20.2.87", "ct-create-0004"),
                new EniEvent(Instant.parse("2024-10-29T11:56:20Z"), "delete", "eni-0d4b6f2a8c0e30004", cluster,
                        "subnet-0priv1b", "private", "172.20.2.87", "ct-delete-0004"),
                new EniEvent(Instant.parse("2024-10-29T11:56:48Z"), "create", "eni-0e5a7c3b9d1f40005", cluster,
                        "subnet-0pub1b", "public", "172.20.101.121", "ct-create-0005"));

        List<PathCheck> paths = List.of(path("b1", B1_START, publicEni, "subnet-0pub1a"),
                path("b2", B2_START, "eni-0e5a7c3b9d1f40005", "subnet-0pub1b"));

        Map<String, Object> resources = new LinkedHashMap<>();
        resources.put("cluster", cluster);
        resources.put("eniIds", List.of(publicEni, "eni-0e5a7c3b9d1f40005"));
        resources.put("subnetIds", List.of("subnet-0pub1a", "subnet-0pub1b"));
        resources.put("routeTableId", "rtb-0a7c2e91");
        resources.put("missingRouteTo", "10.50.0.0/16");
        List<Hypothesis> hypotheses = List.of(
                new Hypothesis(1, HypothesisKind.ENI_IN_UNROUTED_SUBNET, 0.97, TOP_TITLE,
                        "Each burst starts minutes after EKS created a control-plane ENI in a public subnet and ends when "
                                + "that ENI is gone. The endpoint resolves to one IP per ENI, so only calls to 172.20.101.121 fail; "
                                + "the public subnets' route table sends replies for 10.50.0.0/16 nowhere.",
                        resources, List.of("b1", "b2"),
                        new Association("Fisher exact test, failing vs healthy hours", 2.1e-12, 0.0, 61.4),
                        List.of("ct-create-0003", "ct-delete-0002", "cd-first-timeout", "ct-create-0005", "cd-b2-timeout",
                                "ec2-rtb-pub", "k8s-warn"),
                        List.of()),
                new Hypothesis(2, HypothesisKind.SECURITY_GROUP_CHANGE, 0.12,
                        "Security group sg-0cd1e2f3 ingress changed three days before the first burst",
                        "An ingress rule was added to the cluster security group on Oct 22; no failures followed for 3 days.",
                        Map.of("securityGroupId", "sg-0cd1e2f3"), List.of("b1"), null,
                        List.of("ct-sg-ingress"), List.of("cd-ok-39", "missing-id")),
                new Hypothesis(3, HypothesisKind.UNEXPLAINED, 0.03, "Part of the failures has no change near it",
                        "", Map.of(), List.of(), null, List.of(), List.of()));

        Map<String, Long> sources = new LinkedHashMap<>();
        sources.put("cloudtrail", 51_234L);
        sources.put("clouddriver", 220_301L);
        sources.put("ec2", 412L);
        sources.put("k8s-event", 1_877L);
        sources.put("eks", 6L);
        return new Findings(FROM, TO, sources, bursts, enis, paths, hypotheses, ev);
    }

    /**
     * The incident plus {@code n} small background bursts (each with a path check), which one UNEXPLAINED
     * hypothesis groups: what a sweep over months of history looks like.
     */
    static Findings withBackground(int n) {
        Findings f = incident();
        List<Burst> bursts = new java.util.ArrayList<>(f.bursts());
        List<PathCheck> paths = new java.util.ArrayList<>(f.pathChecks());
        List<String> ids = new java.util.ArrayList<>();
        for (int i = 0; i < n; i++) {
            String id = "n" + (i + 1);
            Instant start = FROM.plusSeconds(60L * i);
            bursts.add(new Burst(id, "http_429", "10.50.77.12:443", start, start.plusSeconds(30), 5 + i % 40,
                    List.of("orca"), List.of("noise-" + i)));
            paths.add(new PathCheck(id, start, "10.50.77.12", "10.50.0.0/16", "unknown", List.of()));
            ids.add(id);
        }
        bursts.sort(java.util.Comparator.comparing(Burst::start));
        List<Hypothesis> hypotheses = new java.util.ArrayList<>(f.hypotheses());
        hypotheses.add(new Hypothesis(hypotheses.size() + 1, HypothesisKind.UNEXPLAINED, 0.2,
                "No change in the evidence explains " + n + " bursts of http_429 failures", "", Map.of(), ids, null,
                List.of(), List.of()));
        return new Findings(f.from(), f.to(), f.sources(), bursts, f.eniEvents(), paths, hypotheses, f.evidence());
    }

    private static PathCheck path(String burst, Instant at, String eni, String subnet) {
        return new PathCheck(burst, at, "172.20.101.121", "10.50.0.0/16", "blocked", List.of(
                new PathCheck.Hop("route", "rtb-0backend1", true, "10.50.0.0/16 routes 172.20.0.0/16 to pcx-0e1f2a3b", "ec2-rtb-backend"),
                new PathCheck.Hop("peering", "pcx-0e1f2a3b", true, "active between vpc-0backend and vpc-0gateway", null),
                new PathCheck.Hop("sg", "sg-0cd1e2f3", true, "allows tcp/443 from sg-0spinnaker (CD EKS nodes)", null),
                new PathCheck.Hop("eni", eni, true, "in " + subnet + " (public), 172.20.101.121", null),
                new PathCheck.Hop("nacl", "acl-0f00d", null, "no snapshot of the network ACL", null),
                new PathCheck.Hop("route-back", "rtb-0a7c2e91", false,
                        "no route to 10.50.0.0/16: local, 0.0.0.0/0 -> igw-07d1 only " + SCRIPT, "ec2-rtb-pub")));
    }

    private static void put(Map<String, EvidenceEvent> map, EvidenceEvent e) {
        map.put(e.eventId(), e);
    }

    /** Hourly failure counts: the bursts, evenly spread, plus a trickle of unrelated failures. */
    static Timeline failureTimeline(Findings f) {
        List<Timeline.Bucket> buckets = new ArrayList<>();
        Duration hour = Duration.ofHours(1);
        long total = 0;
        for (Instant t = f.from(); t.isBefore(f.to()); t = t.plus(hour)) {
            double n = (t.getEpochSecond() / 3600) % 7 == 0 ? 2 : 0;
            for (Burst b : f.bursts()) {
                Instant s = b.start().isAfter(t) ? b.start() : t;
                Instant e = b.end().isBefore(t.plus(hour)) ? b.end() : t.plus(hour);
                if (e.isAfter(s)) {
                    n += b.ratePerMinute() * Duration.between(s, e).toSeconds() / 60.0;
                }
            }
            long c = Math.round(n);
            total += c;
            buckets.add(new Timeline.Bucket(t, c == 0 ? Map.of() : Map.of("clouddriver", c)));
        }
        return new Timeline(f.from(), f.to(), hour, buckets, Map.of("clouddriver", total), 0);
    }

    /** Hourly flow records on the failing address: two-way before the first burst, requests with no reply during the bursts. */
    static Timeline flowTimeline(Findings f) {
        List<Timeline.Bucket> buckets = new ArrayList<>();
        Duration hour = Duration.ofHours(1);
        long requests = 0;
        long replies = 0;
        for (Instant t = f.from(); t.isBefore(f.to()); t = t.plus(hour)) {
            Instant at = t;
            boolean failing = f.bursts().stream().anyMatch(b -> !at.isBefore(b.start().minus(hour)) && at.isBefore(b.end()));
            requests += 12;
            replies += failing ? 0 : 12;
            buckets.add(new Timeline.Bucket(t, failing ? Map.of(FlowTimeline.REQUESTS, 12L)
                    : Map.of(FlowTimeline.REQUESTS, 12L, FlowTimeline.REPLIES, 12L)));
        }
        return new Timeline(f.from(), f.to(), hour, buckets, Map.of(FlowTimeline.REQUESTS, requests, FlowTimeline.REPLIES, replies), 0);
    }
}
