package dev.rootline.samples.evidence;

import java.io.IOException;
import java.util.SplittableRandom;

/**
 * What Clouddriver says: the namespace listing that fails in the seed incident, its caching agents, and the
 * background of a busy instance (AWS caching agents, deploys, Docker Hub rate limits).
 */
public final class ClouddriverLines {
    static final ClouddriverLog.Logger CREDENTIALS = ClouddriverLog.Logger.of("c.n.s.c.k.s.KubernetesCredentials");
    static final ClouddriverLog.Logger INSTRUMENTATION = ClouddriverLog.Logger.of("c.n.s.c.cache.LoggingInstrumentation");
    static final ClouddriverLog.Logger CORE_AGENT = ClouddriverLog.Logger.of("c.n.s.c.k.c.a.KubernetesCoreCachingAgent");
    static final ClouddriverLog.Logger DOCKER_AGENT = ClouddriverLog.Logger.of("c.n.s.c.d.r.p.a.DockerRegistryImageCachingAgent");
    static final ClouddriverLog.Logger DEPLOY = ClouddriverLog.Logger.of("c.n.s.c.k.o.m.KubernetesDeployManifestOperation");
    static final ClouddriverLog.Logger ORCHESTRATION = ClouddriverLog.Logger.of("c.n.s.c.o.DefaultOrchestrationProcessor");
    static final ClouddriverLog.Logger AWS_CLIENT = ClouddriverLog.Logger.of("c.n.s.c.aws.security.AmazonClientProvider");

    private static final String[] AWS_AGENTS = {"ClusterCachingAgent", "LaunchConfigCachingAgent",
            "InstanceCachingAgent", "SecurityGroupCachingAgent", "SubnetCachingAgent", "VpcCachingAgent",
            "ImageCachingAgent", "LoadBalancerCachingAgent"};
    private static final String[] APPS = {"orders-api", "payments-worker", "catalog", "search-indexer", "notifications"};
    private static final String[] IMAGES = {"library/nginx", "bitnami/redis", "library/postgres", "grafana/grafana"};

    private int thread;
    private int action = 1;

    /** @param firstThread the number of the first {@code Thread-N} that lists namespaces */
    public ClouddriverLines(int firstThread) {
        this.thread = firstThread;
    }

    /** The seed incident's error: one namespace listing that timed out dialling the API server at {@code target}. */
    public void namespacesTimedOut(ClouddriverLog log, long t, String account, String target) throws IOException {
        log.event(t, ClouddriverLog.ERROR, ClouddriverLog.thread("Thread-" + thread++), CREDENTIALS,
                "Could not list namespaces for account " + account
                        + ": Failed to read [namespace] from : Unable to connect to the server: dial tcp " + target
                        + ": i/o timeout");
    }

    /** The caching agent of a Kubernetes account finishing a cycle, after {@code millis} of work. */
    public void agentCompleted(ClouddriverLog log, long t, String account, int part, long millis, boolean failed)
            throws IOException {
        StringBuilder m = new StringBuilder(160).append(account).append("/KubernetesCoreCachingAgent[").append(part)
                .append("/2] completed");
        if (failed) {
            m.append(" with one or more failures");
        }
        m.append(" in ").append(seconds(millis)).append('s');
        log.event(t, failed ? ClouddriverLog.WARN : ClouddriverLog.INFO, actionThread(), INSTRUMENTATION, m);
    }

    public void agentStarting(ClouddriverLog log, long t, String account, int part) throws IOException {
        log.event(t, ClouddriverLog.INFO, actionThread(), CORE_AGENT,
                account + "/KubernetesCoreCachingAgent[" + part + "/2]: agent is starting");
    }

    /** Docker Hub refusing a tag listing: the unrelated 429s of the red herring. */
    public void registryRateLimited(ClouddriverLog log, long t, SplittableRandom r) throws IOException {
        String image = IMAGES[r.nextInt(IMAGES.length)];
        log.event(t, ClouddriverLog.WARN, actionThread(), DOCKER_AGENT,
                "Could not load tags for " + image + " in account dockerhub");
        log.trace("com.netflix.spinnaker.clouddriver.docker.registry.api.v2.exception.DockerRegistryOperationException: "
                + "Failed to fetch tags for " + image + ": 429 Too Many Requests");
        log.trace("\tat com.netflix.spinnaker.clouddriver.docker.registry.api.v2.client.DockerRegistryClient.request(DockerRegistryClient.groovy:551)");
        log.trace("\tat com.netflix.spinnaker.clouddriver.docker.registry.api.v2.client.DockerRegistryClient.getTags(DockerRegistryClient.groovy:412)");
        log.trace("\tat com.netflix.spinnaker.clouddriver.docker.registry.provider.agent.DockerRegistryImageCachingAgent.loadTags(DockerRegistryImageCachingAgent.groovy:104)");
        log.trace("\tat com.netflix.spinnaker.cats.agent.DefaultAgentScheduler$AgentExecutionAction.execute(DefaultAgentScheduler.java:128)");
        log.trace("\tat java.base/java.util.concurrent.ThreadPoolExecutor.runWorker(ThreadPoolExecutor.java:1136)");
        log.trace("\tat java.base/java.lang.Thread.run(Thread.java:840)");
    }

    /** One line of a busy Clouddriver's background: AWS caching agents, deploys, registry scans, throttling. */
    public void background(ClouddriverLog log, long t, SplittableRandom r, String deployAccount) throws IOException {
        int pick = r.nextInt(100);
        if (pick < 70) {
            String agent = AWS_AGENTS[r.nextInt(AWS_AGENTS.length)];
            log.event(t, ClouddriverLog.INFO, actionThread(), INSTRUMENTATION,
                    "com.netflix.spinnaker.clouddriver.aws.provider.AwsProvider:prd-aws/us-east-1/" + agent
                            + " completed in " + seconds(50 + r.nextInt(2500)) + "s");
        } else if (pick < 82) {
            log.event(t, ClouddriverLog.INFO, actionThread(), DOCKER_AGENT,
                    "Describing items in dockerhub/DockerRegistryImageCachingAgent[" + (1 + r.nextInt(2)) + "/2]");
        } else if (pick < 92) {
            String app = APPS[r.nextInt(APPS.length)];
            log.event(t, ClouddriverLog.INFO, ClouddriverLog.thread("http-nio-7002-exec-" + (1 + r.nextInt(20))),
                    DEPLOY, "Deploying manifest deployment " + app + " to " + deployAccount);
        } else if (pick < 99) {
            log.event(t, ClouddriverLog.INFO, ClouddriverLog.thread("orchestration-" + (1 + r.nextInt(8))), ORCHESTRATION,
                    "[Deploy Manifest] Orchestration completed in " + seconds(800 + r.nextInt(9000)) + "s");
        } else {
            log.event(t, ClouddriverLog.WARN, actionThread(), AWS_CLIENT,
                    "Throttled by AWS (Rate exceeded), retrying DescribeInstances in 500ms");
        }
    }

    /**
     * One event of a busy Clouddriver, for large corpora: mostly caching agents and background, some
     * namespace listings timing out against one of {@code failingTargets}, some Docker Hub 429s.
     */
    public void mixed(ClouddriverLog log, long t, SplittableRandom r, String[] accounts, String[] failingTargets)
            throws IOException {
        int pick = r.nextInt(1000);
        String account = accounts[r.nextInt(accounts.length)];
        if (pick < 15) {
            namespacesTimedOut(log, t, account, failingTargets[r.nextInt(failingTargets.length)]);
        } else if (pick < 22) {
            registryRateLimited(log, t, r);
        } else if (pick < 420) {
            agentCompleted(log, t, account, 1 + r.nextInt(2), 150 + r.nextInt(2400), false);
        } else {
            background(log, t, r, account);
        }
    }

    private String actionThread() {
        action = action % 40 + 1;
        return ClouddriverLog.thread("AgentExecutionAction-" + action);
    }

    /** {@code 1.284}: whole seconds and milliseconds, as Clouddriver prints durations. */
    static String seconds(long millis) {
        long ms = millis % 1000;
        return (millis / 1000) + "." + (ms < 10 ? "00" : ms < 100 ? "0" : "") + ms;
    }
}
