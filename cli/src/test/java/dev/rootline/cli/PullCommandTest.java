package dev.rootline.cli;

import dev.rootline.ingest.aws.AwsClients;
import dev.rootline.ingest.aws.MotoServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.ec2.Ec2Client;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import java.util.zip.GZIPOutputStream;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code rootline pull} end to end, against moto. */
class PullCommandTest {
    @RegisterExtension
    static final MotoServer MOTO = new MotoServer();

    @TempDir
    Path dir;

    private String[] args(String source, String... more) {
        List<String> a = new ArrayList<>(List.of("pull", source, "--index", dir.resolve("idx").toString(),
                "--endpoint-url", MOTO.endpoint().toString(), "--region", MotoServer.REGION, "--profile", MotoServer.PROFILE));
        a.addAll(List.of(more));
        return a.toArray(String[]::new);
    }

    private long count(String query) {
        Cli c = Cli.run("search", "--index", dir.resolve("idx").toString(), "--count", query);
        assertThat(c.exit).as(c.toString()).isZero();
        return c.count();
    }

    @Test
    void cloudTrailS3IsIndexedOnceHoweverOftenItIsPulled() throws Exception {
        try (AwsClients aws = new AwsClients(MOTO.settings())) {
            aws.s3().createBucket(b -> b.bucket("cli-trail"));
            for (int i = 0; i < 5; i++) {
                String key = "AWSLogs/111122223333/CloudTrail/us-east-1/2024/10/25/111122223333_CloudTrail_us-east-1_20241025T16"
                        + (10 + i) + "Z_f" + i + ".json.gz";
                aws.s3().putObject(b -> b.bucket("cli-trail").key(key), RequestBody.fromBytes(trail("f" + i, 3)));
            }
        }
        String[] pull = args("cloudtrail-s3", "--bucket", "cli-trail", "--from", "2024-10-25T16:00:00Z",
                "--to", "2024-10-25T18:00:00Z");
        Cli first = Cli.run(pull);
        assertThat(first.exit).as(first.toString()).isZero();
        assertThat(first.err).contains("pulled 15 events from 5 objects of s3://cli-trail").doesNotContain(MotoServer.SECRET);
        assertThat(count("source:cloudtrail")).isEqualTo(15);
        var manifest = dev.rootline.ingest.EvidenceManifest.read(dir.resolve("idx"));
        assertThat(manifest).hasSize(5).allSatisfy(r -> {
            assertThat(r.origin()).startsWith("s3://cli-trail/AWSLogs/");
            assertThat(r.events()).isEqualTo(3);
        });
        String f0 = java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256").digest(trail("f0", 3)));
        assertThat(manifest).anySatisfy(r -> {
            assertThat(r.origin()).endsWith("_f0.json.gz");
            assertThat(r.sha256()).isEqualTo(f0); // the bytes in the bucket
        });

        Cli again = Cli.run(pull);
        assertThat(again.exit).as(again.toString()).isZero();
        assertThat(again.err).contains("pulled 0 events from 0 objects").contains("already done 5");
        assertThat(count("source:cloudtrail")).isEqualTo(15);

        // the objects as they are now, read again and compared with what was pulled
        String[] verify = {"verify", "--s3", "--index", dir.resolve("idx").toString(), "--endpoint-url",
                MOTO.endpoint().toString(), "--region", MotoServer.REGION, "--profile", MotoServer.PROFILE};
        Cli same = Cli.run(verify);
        assertThat(same.exit).as(same.toString()).isZero();
        assertThat(same.out).contains("5 unchanged", "0 changed, 0 missing, 0 not checked here");
        String f1 = manifest.stream().filter(r -> r.origin().endsWith("_f1.json.gz")).findFirst().orElseThrow().origin();
        String f2 = manifest.stream().filter(r -> r.origin().endsWith("_f2.json.gz")).findFirst().orElseThrow().origin();
        try (AwsClients aws = new AwsClients(MOTO.settings())) {
            aws.s3().putObject(b -> b.bucket("cli-trail").key(f1.substring("s3://cli-trail/".length())),
                    RequestBody.fromBytes(trail("f1-rewritten", 3)));
            aws.s3().deleteObject(b -> b.bucket("cli-trail").key(f2.substring("s3://cli-trail/".length())));
        }
        Cli differs = Cli.run(verify);
        assertThat(differs.exit).as(differs.toString()).isEqualTo(ExitCodes.USER);
        assertThat(differs.out).contains("CHANGED  " + f1, "MISSING  " + f2, "3 unchanged", "1 changed, 1 missing");
    }

    @Test
    void aSignalStopsAPullOnAnObjectBoundaryAndTheSameCommandResumesExactly() throws Exception {
        int objects = 400;
        try (AwsClients aws = new AwsClients(MOTO.settings())) {
            aws.s3().createBucket(b -> b.bucket("cli-stop"));
            for (int i = 0; i < objects; i++) {
                String key = "AWSLogs/111122223333/CloudTrail/us-east-1/2024/10/25/111122223333_CloudTrail_us-east-1_20241025T16"
                        + String.format("%02d", i % 60) + "Z_s" + i + ".json.gz";
                byte[] body = trail("s" + i, 3);
                aws.s3().putObject(b -> b.bucket("cli-stop").key(key), RequestBody.fromBytes(body));
            }
        }
        String[] pull = args("cloudtrail-s3", "--bucket", "cli-stop", "--parallel", "1", "--from", "2024-10-25T16:00:00Z",
                "--to", "2024-10-25T18:00:00Z");
        Path log = dir.resolve("child.log");
        Process child = ChildJvm.start(log, List.of("-Daws.sharedCredentialsFile=" + System.getProperty("aws.sharedCredentialsFile"),
                "-Daws.configFile=" + System.getProperty("aws.configFile")), pull);
        Path lock = dir.resolve("idx/lucene/write.lock");
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (child.isAlive() && System.nanoTime() < deadline && !Files.exists(lock)) {
            Thread.sleep(20); // the writer is open: the pull is reading objects
        }
        Thread.sleep(4_000); // some objects read, most not
        assertThat(child.isAlive()).as("still pulling when signalled: " + Files.readString(log)).isTrue();
        assertThat(new ProcessBuilder("kill", "-TERM", String.valueOf(child.pid())).start().waitFor()).isZero();
        assertThat(child.waitFor(90, TimeUnit.SECONDS)).isTrue();

        String out = Files.readString(log);
        assertThat(child.exitValue()).as(out).isEqualTo(ExitCodes.INTERRUPTED);
        assertThat(out).contains("interrupted: the objects read so far are committed", "run the same command again to resume")
                .doesNotContain("Exception", "internal error", MotoServer.SECRET);
        long committed = count("source:cloudtrail");
        assertThat(committed).as(out).isLessThan(objects * 3L);
        assertThat(committed % 3).as("whole objects only: each holds 3 events").isZero();

        Cli rest = Cli.run(pull);
        assertThat(rest.exit).as(rest.toString()).isZero();
        assertThat(count("source:cloudtrail")).isEqualTo(objects * 3L);
        System.out.printf("pull: %d of %d events committed on SIGTERM; the re-run read the rest (%s)%n", committed,
                objects * 3L, rest.err.lines().filter(l -> l.contains("already done")).findFirst().orElse("").strip());
    }

    @Test
    void verifyValidatesTheDigestsOfAnS3PrefixWithTheirSignaturesFromObjectMetadata() throws Exception {
        Path trail = dir.resolve("trail");
        dev.rootline.ingest.cloudtrail.digest.TrailFolder.write(trail, 3, 2);
        Path key = Files.writeString(dir.resolve("key.pem"), dev.rootline.ingest.cloudtrail.digest.TrailFolder.pem(
                (java.security.interfaces.RSAPublicKey) dev.rootline.ingest.cloudtrail.digest.TrailFolder.SIGNER.getPublic()));
        // the signature of each digest: the next digest's previousDigestSignature, the newest one's .sig file
        java.util.Map<String, String> signatures = new java.util.HashMap<>();
        List<Path> files;
        try (Stream<Path> walk = Files.walk(trail)) {
            files = walk.filter(Files::isRegularFile).toList();
        }
        for (Path f : files) {
            String name = f.getFileName().toString();
            if (name.endsWith(".sig")) {
                signatures.put(trail.relativize(f).toString().replace(".sig", ""), Files.readString(f).strip());
            } else if (name.contains("_CloudTrail-Digest_")) {
                var d = new com.fasterxml.jackson.databind.ObjectMapper().readTree(
                        new java.util.zip.GZIPInputStream(Files.newInputStream(f)));
                if (!d.path("previousDigestS3Object").isNull() && d.hasNonNull("previousDigestS3Object")) {
                    signatures.put(d.get("previousDigestS3Object").asText(), d.get("previousDigestSignature").asText());
                }
            }
        }
        String deleted;
        try (AwsClients aws = new AwsClients(MOTO.settings())) {
            aws.s3().createBucket(b -> b.bucket("evidence-trail"));
            for (Path f : files) {
                String k = trail.relativize(f).toString();
                if (k.endsWith(".sig")) {
                    continue;
                }
                aws.s3().putObject(b -> b.bucket("evidence-trail").key(k).metadata(signatures.containsKey(k)
                        ? java.util.Map.of("signature", signatures.get(k)) : java.util.Map.of()), RequestBody.fromFile(f));
            }
            Cli ok = Cli.run(verifyArgs(key));
            assertThat(ok.exit).as(ok.toString()).isZero();
            assertThat(ok.out).contains("3 digests and 6 of the log files they list fetched", "Integrity: verified")
                    .doesNotContain("rootline-digests");

            deleted = files.stream().map(f -> trail.relativize(f).toString()).filter(k -> k.contains("_CloudTrail_"))
                    .findFirst().orElseThrow();
            aws.s3().deleteObject(b -> b.bucket("evidence-trail").key(deleted));
        }
        Cli gone = Cli.run(verifyArgs(key));
        assertThat(gone.exit).as(gone.toString()).isEqualTo(ExitCodes.USER);
        assertThat(gone.out).contains("Integrity: BROKEN", "MISSING log file");
    }

    private String[] verifyArgs(Path key) {
        return new String[] {"verify", "--index", dir.resolve("idx").toString(), "--digests",
                "s3://evidence-trail/AWSLogs/111122223333/CloudTrail-Digest/", "--public-key", key.toString(),
                "--endpoint-url", MOTO.endpoint().toString(), "--region", MotoServer.REGION, "--profile", MotoServer.PROFILE};
    }

    @Test
    void auditPullReadsTheLiveEstateAndFlagsTheClustersUnroutedSubnet() throws Exception {
        String privateSubnet;
        String publicSubnet;
        String publicTable;
        try (AwsClients aws = new AwsClients(MOTO.settings())) {
            Ec2Client ec2 = aws.ec2();
            String gw = ec2.createVpc(b -> b.cidrBlock("172.21.0.0/16")).vpc().vpcId();
            String be = ec2.createVpc(b -> b.cidrBlock("10.51.0.0/16")).vpc().vpcId();
            String pcx = ec2.createVpcPeeringConnection(b -> b.vpcId(be).peerVpcId(gw)).vpcPeeringConnection().vpcPeeringConnectionId();
            ec2.acceptVpcPeeringConnection(b -> b.vpcPeeringConnectionId(pcx));
            privateSubnet = ec2.createSubnet(b -> b.vpcId(gw).cidrBlock("172.21.1.0/24")).subnet().subnetId();
            publicSubnet = ec2.createSubnet(b -> b.vpcId(gw).cidrBlock("172.21.101.0/24")).subnet().subnetId();
            String igw = ec2.createInternetGateway(b -> { }).internetGateway().internetGatewayId();
            ec2.attachInternetGateway(b -> b.internetGatewayId(igw).vpcId(gw));
            String privateTable = ec2.createRouteTable(b -> b.vpcId(gw)).routeTable().routeTableId();
            ec2.createRoute(b -> b.routeTableId(privateTable).destinationCidrBlock("10.51.0.0/16").vpcPeeringConnectionId(pcx));
            ec2.associateRouteTable(b -> b.routeTableId(privateTable).subnetId(privateSubnet));
            publicTable = ec2.createRouteTable(b -> b.vpcId(gw)).routeTable().routeTableId();
            ec2.createRoute(b -> b.routeTableId(publicTable).destinationCidrBlock("0.0.0.0/0").gatewayId(igw));
            ec2.associateRouteTable(b -> b.routeTableId(publicTable).subnetId(publicSubnet));
            String sg = ec2.createSecurityGroup(b -> b.vpcId(gw).groupName("cp").description("control plane")).groupId();
            ec2.authorizeSecurityGroupIngress(b -> b.groupId(sg).ipPermissions(p -> p.ipProtocol("tcp").fromPort(443).toPort(443)
                    .ipRanges(r -> r.cidrIp("10.51.0.0/16"))));
            String priv = privateSubnet;
            String pub = publicSubnet;
            aws.eks().createCluster(b -> b.name("live-gw").roleArn("arn:aws:iam::111122223333:role/eks")
                    .resourcesVpcConfig(v -> v.subnetIds(priv, pub).securityGroupIds(sg)));
        }
        Path out = dir.resolve("audit");
        List<String> a = new ArrayList<>(List.of("audit", "--pull", "--cluster", "live-gw", "--client-cidr", "10.51.0.0/16",
                "--index", dir.resolve("idx").toString(), "--out", out.toString(), "--format", "json",
                "--endpoint-url", MOTO.endpoint().toString(), "--region", MotoServer.REGION, "--profile", MotoServer.PROFILE));
        Cli run = Cli.run(a.toArray(String[]::new));
        assertThat(run.exit).as(run.toString()).isEqualTo(ExitCodes.AUDIT_RISKS);
        var audit = new com.fasterxml.jackson.databind.ObjectMapper().readTree(out.resolve("audit.json").toFile());
        assertThat(audit.get("risks")).singleElement().satisfies(r -> {
            assertThat(r.get("kind").asText()).isEqualTo("LATENT_UNROUTED_SUBNET");
            assertThat(r.get("cluster").asText()).isEqualTo("live-gw");
            assertThat(r.get("subnetId").asText()).isEqualTo(publicSubnet);
            assertThat(r.get("routeTableId").asText()).isEqualTo(publicTable);
            assertThat(r.get("missingRouteTo").asText()).isEqualTo("10.51.0.0/16");
        });
        assertThat(run.err).doesNotContain(MotoServer.SECRET);
        assertThat(Cli.run("audit", "--pull", "--at", "2024-10-25", "--index", dir.resolve("idx").toString()).exit)
                .isEqualTo(ExitCodes.USER);
    }

    @Test
    void ec2SnapshotsAreKeptAndIndexed() throws IOException {
        String vpc;
        try (AwsClients aws = new AwsClients(MOTO.settings())) {
            Ec2Client ec2 = aws.ec2();
            vpc = ec2.createVpc(b -> b.cidrBlock("172.20.0.0/16")).vpc().vpcId();
            String subnet = ec2.createSubnet(b -> b.vpcId(vpc).cidrBlock("172.20.101.0/24")).subnet().subnetId();
            ec2.createNetworkInterface(b -> b.subnetId(subnet).privateIpAddress("172.20.101.121").description("Amazon EKS prd-gw-eks"));
        }
        Cli pull = Cli.run(args("ec2", "--vpc", vpc));
        assertThat(pull.exit).as(pull.toString()).isZero();
        assertThat(pull.err).contains("pulled 1 network-interfaces").contains("snapshots");
        assertThat(count("source:ec2 AND ip:172.20.101.121")).isEqualTo(1);
        try (Stream<Path> files = Files.walk(dir.resolve("idx").resolve("snapshots"))) {
            assertThat(files.map(p -> p.getFileName().toString())).contains("network-interfaces.json", "route-tables.json");
        }
    }

    @Test
    void anAwsErrorIsOneLineAndExitOne() {
        Cli c = Cli.run(args("cloudtrail-s3", "--bucket", "no-such-bucket", "--from", "2024-10-25", "--to", "2024-10-26"));
        assertThat(c.exit).as(c.toString()).isEqualTo(1);
        assertThat(c.err.lines()).singleElement().satisfies(l -> assertThat(l)
                .startsWith("rootline: NoSuchBucket on s3:ListObjectsV2 for bucket no-such-bucket: not found"));
    }

    @Test
    void aProfileWithoutCredentialsSaysSoWithoutPrintingAny() {
        List<String> a = new ArrayList<>(List.of(args("cloudtrail-s3", "--bucket", "b", "--from", "2024-10-25", "--to", "2024-10-26")));
        a.set(a.indexOf(MotoServer.PROFILE), "nobody");
        Cli c = Cli.run(a.toArray(String[]::new));
        assertThat(c.exit).as(c.toString()).isEqualTo(1);
        assertThat(c.err).contains("no usable AWS credentials").doesNotContain(MotoServer.SECRET).doesNotContain("AKIA");
        assertThat(c.err.lines()).hasSize(1);
    }

    @Test
    void windowedSourcesNeedFromAndTo() {
        Cli c = Cli.run(args("logs", "--log-group", "/x"));
        assertThat(c.exit).isEqualTo(1);
        assertThat(c.err).contains("--from and --to are required");
    }

    @Test
    void aSourceIsRequired() {
        Cli c = Cli.run("pull");
        assertThat(c.exit).isEqualTo(1);
        assertThat(c.err).contains("a source is required");
    }

    private static byte[] trail(String file, int records) throws IOException {
        StringBuilder sb = new StringBuilder("{\"Records\":[");
        for (int i = 0; i < records; i++) {
            sb.append(i == 0 ? "" : ",").append("{\"eventVersion\":\"1.08\",\"eventTime\":\"2024-10-25T16:0").append(i)
                    .append(":00Z\",\"eventSource\":\"ec2.amazonaws.com\",\"eventName\":\"DescribeVpcs\",\"awsRegion\":\"us-east-1\",")
                    .append("\"eventID\":\"").append(file).append('-').append(i).append("\",\"recipientAccountId\":\"111122223333\"}");
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (GZIPOutputStream gz = new GZIPOutputStream(out)) {
            gz.write(sb.append("]}").toString().getBytes(StandardCharsets.UTF_8));
        }
        return out.toByteArray();
    }
}
