package dev.rootline.samples.evidence;

import java.io.IOException;
import java.util.List;
import java.util.SplittableRandom;

/**
 * The Kubernetes events of a cluster going about its day: rollouts, probe failures, autoscaling, crash
 * loops, jobs, and (on demand) image pulls refused by Docker Hub's rate limit. Each call writes one
 * episode, its events in time order.
 */
public final class KubeEventNoise {
    private static final String POD_CHARS = "bcdfghjklmnpqrstvwxz2456789";

    /** A deployment and the namespace and image it runs. */
    private record Workload(String namespace, String name, String image) {
    }

    private final Estate.Cluster cluster;
    private final SplittableRandom r;
    private final List<Workload> workloads;
    private long resourceVersion;

    public KubeEventNoise(Estate.Cluster cluster, SplittableRandom random) {
        this.cluster = cluster;
        this.r = random;
        this.resourceVersion = 40_000_000L + random.nextInt(10_000_000);
        String ecr = "602401143452.dkr.ecr.us-east-1.amazonaws.com";
        this.workloads = cluster.name().contains("gw")
                ? List.of(new Workload("ingress", "ingress-nginx-controller", "registry.k8s.io/ingress-nginx/controller:v1.11.3"),
                new Workload("ingress", "api-gateway", "docker.io/kong/kong-gateway:3.8.0.0"),
                new Workload("kube-system", "coredns", ecr + "/eks/coredns:v1.11.3-eksbuild.1"),
                new Workload("kube-system", "cluster-autoscaler", "registry.k8s.io/autoscaling/cluster-autoscaler:v1.30.2"))
                : List.of(new Workload("spinnaker", "spin-clouddriver", "us-docker.pkg.dev/spinnaker-community/docker/clouddriver:5.89.1"),
                new Workload("spinnaker", "spin-orca", "us-docker.pkg.dev/spinnaker-community/docker/orca:8.51.0"),
                new Workload("spinnaker", "spin-gate", "us-docker.pkg.dev/spinnaker-community/docker/gate:6.64.0"),
                new Workload("apps", "orders-api", "docker.io/library/python:3.12-slim"),
                new Workload("apps", "payments-worker", "docker.io/bitnami/redis:7.2.5"),
                new Workload("kube-system", "coredns", ecr + "/eks/coredns:v1.11.3-eksbuild.1"));
    }

    /** One ordinary episode starting at {@code t}; returns how many events it wrote. */
    public int episode(long t, KubeEventList out) throws IOException {
        Workload w = workloads.get(r.nextInt(workloads.size()));
        int pick = r.nextInt(100);
        if (pick < 35) {
            return rollout(t, w, out);
        }
        String pod = pod(w);
        String podUid = Ids.uuid(r);
        if (pick < 55) {
            int n = 2 + r.nextInt(6);
            out.add(event(w.namespace(), "Pod", pod, podUid, "spec.containers{" + container(w) + "}", "Unhealthy",
                    "Readiness probe failed: HTTP probe failed with statuscode: 503", "Warning", "kubelet", host(),
                    t, t + (n - 1) * 10 * Times.SECOND, n));
            return 1;
        }
        if (pick < 75) {
            int size = 3 + r.nextInt(8);
            out.add(event(w.namespace(), "HorizontalPodAutoscaler", w.name(), Ids.uuid(r), null, "SuccessfulRescale",
                    "New size: " + size + "; reason: cpu resource utilization (percentage of request) "
                            + (r.nextBoolean() ? "above" : "below") + " target",
                    "Normal", "horizontal-pod-autoscaler", null, t, t, 1));
            return 1;
        }
        if (pick < 85) {
            int n = 2 + r.nextInt(9);
            out.add(event(w.namespace(), "Pod", pod, podUid, "spec.containers{" + container(w) + "}", "BackOff",
                    "Back-off restarting failed container " + container(w) + " in pod " + pod + "_" + w.namespace()
                            + "(" + podUid + ")", "Warning", "kubelet", host(), t, t + (n - 1) * 40 * Times.SECOND, n));
            return 1;
        }
        String job = "nightly-report-" + (28_000_000 + r.nextInt(1_000_000));
        out.add(event(w.namespace(), "Job", job, Ids.uuid(r), null, "SuccessfulCreate", "Created pod: " + job + "-"
                + chars(5), "Normal", "job-controller", null, t, t, 1));
        long done = t + (30 + r.nextInt(600)) * Times.SECOND;
        out.add(event(w.namespace(), "Job", job, Ids.uuid(r), null, "Completed", "Job completed", "Normal",
                "job-controller", null, done, done, 1));
        return 2;
    }

    /** Exactly one event: a failing probe, a rescale or a crash loop. */
    public void single(long t, KubeEventList out) throws IOException {
        Workload w = workloads.get(r.nextInt(workloads.size()));
        String pod = pod(w);
        String podUid = Ids.uuid(r);
        int n = 1 + r.nextInt(6);
        switch (r.nextInt(3)) {
            case 0 -> out.add(event(w.namespace(), "Pod", pod, podUid, "spec.containers{" + container(w) + "}",
                    "Unhealthy", "Readiness probe failed: HTTP probe failed with statuscode: 503", "Warning", "kubelet",
                    host(), t, t + (n - 1) * 10 * Times.SECOND, n));
            case 1 -> out.add(event(w.namespace(), "HorizontalPodAutoscaler", w.name(), Ids.uuid(r), null,
                    "SuccessfulRescale", "New size: " + (2 + n) + "; reason: cpu resource utilization (percentage of "
                            + "request) above target", "Normal", "horizontal-pod-autoscaler", null, t, t, 1));
            default -> out.add(event(w.namespace(), "Pod", pod, podUid, "spec.containers{" + container(w) + "}",
                    "BackOff", "Back-off restarting failed container " + container(w) + " in pod " + pod + "_"
                            + w.namespace() + "(" + podUid + ")", "Warning", "kubelet", host(), t,
                    t + (n - 1) * 40 * Times.SECOND, n));
        }
    }

    /** Image pulls refused by Docker Hub's anonymous rate limit; returns how many events it wrote. */
    public int rateLimited(long t, KubeEventList out) throws IOException {
        String image = "docker.io/bitnami/redis:7.2.5";
        Workload w = new Workload("apps", "payments-worker", image);
        String pod = pod(w);
        String podUid = Ids.uuid(r);
        String container = "spec.containers{" + container(w) + "}";
        String host = host();
        int n = 2 + r.nextInt(5);
        long last = t + (n - 1) * 45 * Times.SECOND;
        out.add(event("apps", "Pod", pod, podUid, container, "Pulling", "Pulling image \"" + image + "\"", "Normal",
                "kubelet", host, t, last, n));
        out.add(event("apps", "Pod", pod, podUid, container, "Failed", "Failed to pull image \"" + image
                + "\": failed to pull and unpack image \"" + image + "\": failed to copy: httpReadSeeker: failed open: "
                + "unexpected status code https://registry-1.docker.io/v2/bitnami/redis/manifests/sha256:" + Ids.hex(r, 64)
                + ": 429 Too Many Requests - Server message: toomanyrequests: You have reached your pull rate limit. "
                + "You may increase the limit by authenticating and upgrading: https://www.docker.com/increase-rate-limit",
                "Warning", "kubelet", host, t + 2 * Times.SECOND, last + 2 * Times.SECOND, n));
        out.add(event("apps", "Pod", pod, podUid, container, "BackOff", "Back-off pulling image \"" + image + "\"",
                "Normal", "kubelet", host, t + 20 * Times.SECOND, last + 20 * Times.SECOND, n));
        return 3;
    }

    private int rollout(long t, Workload w, KubeEventList out) throws IOException {
        String rs = w.name() + "-" + chars(10);
        String pod = rs + "-" + chars(5);
        String podUid = Ids.uuid(r);
        int replicas = 2 + r.nextInt(5);
        String container = "spec.containers{" + container(w) + "}";
        String host = host();
        out.add(event(w.namespace(), "Deployment", w.name(), Ids.uuid(r), null, "ScalingReplicaSet",
                "Scaled up replica set " + rs + " to 1", "Normal", "deployment-controller", null, t, t, 1));
        out.add(event(w.namespace(), "ReplicaSet", rs, Ids.uuid(r), null, "SuccessfulCreate", "Created pod: " + pod,
                "Normal", "replicaset-controller", null, t, t, 1));
        out.add(event(w.namespace(), "Pod", pod, podUid, null, "Scheduled", "Successfully assigned " + w.namespace()
                + "/" + pod + " to " + host, "Normal", "default-scheduler", null, t, t, 1));
        long pull = t + Times.SECOND;
        long pulled = pull + 800 + r.nextInt(9000);
        out.add(event(w.namespace(), "Pod", pod, podUid, container, "Pulling", "Pulling image \"" + w.image() + "\"",
                "Normal", "kubelet", host, pull, pull, 1));
        out.add(event(w.namespace(), "Pod", pod, podUid, container, "Pulled", "Successfully pulled image \"" + w.image()
                + "\" in " + ClouddriverLines.seconds(pulled - pull) + "s (" + ClouddriverLines.seconds(pulled - pull)
                + "s including waiting). Image size: " + (20_000_000 + r.nextInt(300_000_000)) + " bytes.",
                "Normal", "kubelet", host, pulled, pulled, 1));
        out.add(event(w.namespace(), "Pod", pod, podUid, container, "Created", "Created container " + container(w),
                "Normal", "kubelet", host, pulled + 200, pulled + 200, 1));
        out.add(event(w.namespace(), "Pod", pod, podUid, container, "Started", "Started container " + container(w),
                "Normal", "kubelet", host, pulled + 600, pulled + 600, 1));
        long done = pulled + 20 * Times.SECOND;
        out.add(event(w.namespace(), "Deployment", w.name(), Ids.uuid(r), null, "ScalingReplicaSet",
                "Scaled up replica set " + rs + " to " + replicas + " from 1", "Normal", "deployment-controller", null,
                done, done, 1));
        return 8;
    }

    private KubeEvent event(String namespace, String kind, String name, String objectUid, String fieldPath, String reason,
                            String message, String type, String component, String host, long first, long last,
                            int count) {
        resourceVersion += 1 + r.nextInt(400);
        String apiVersion = switch (kind) {
            case "Deployment", "ReplicaSet" -> "apps/v1";
            case "HorizontalPodAutoscaler" -> "autoscaling/v2";
            case "Job" -> "batch/v1";
            default -> "v1";
        };
        return new KubeEvent(namespace, kind, apiVersion, name, objectUid, fieldPath, reason, message, type, component,
                host, first, last, count, Ids.uuid(r), resourceVersion);
    }

    private String pod(Workload w) {
        return w.name() + "-" + chars(10) + "-" + chars(5);
    }

    private static String container(Workload w) {
        String n = w.name();
        return n.startsWith("spin-") ? n.substring(5) : n.equals("ingress-nginx-controller") ? "controller" : n;
    }

    private String host() {
        Estate.Node n = cluster.nodes().get(r.nextInt(cluster.nodes().size()));
        return "ip-" + n.ip().replace('.', '-') + ".ec2.internal";
    }

    private String chars(int n) {
        char[] c = new char[n];
        for (int i = 0; i < n; i++) {
            c[i] = POD_CHARS.charAt(r.nextInt(POD_CHARS.length()));
        }
        return new String(c);
    }
}
