package dev.rootline.ingest.cloudtrail.digest;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.cloudtrail.CloudTrailClient;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.interfaces.RSAPublicKey;
import java.time.Instant;
import java.util.Base64;
import java.util.List;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Key files, and ListPublicKeys through the SDK. moto 5 does not implement ListPublicKeys (it answers HTTP 500,
 * NotImplementedError), so AWS's answer is played back over HTTP, as the aws package's pull tests do for
 * LookupEvents.
 */
class PublicKeysTest {
    private static final Instant FROM = Instant.parse("2016-01-17T00:00:00Z");
    private static final Instant TO = Instant.parse("2016-01-18T00:00:00Z");
    private static WireMockServer aws;
    private static CloudTrailClient client;

    @TempDir
    Path tmp;

    @BeforeAll
    static void start() {
        aws = new WireMockServer(WireMockConfiguration.options().bindAddress("127.0.0.1").dynamicPort());
        aws.start();
        client = CloudTrailClient.builder().region(Region.US_EAST_1).endpointOverride(URI.create(aws.baseUrl()))
                .credentialsProvider(StaticCredentialsProvider.create(
                        AwsBasicCredentials.create("AKIAWIREMOCKTESTING0", "playback-not-a-secret")))
                .httpClient(UrlConnectionHttpClient.create()).build();
    }

    @AfterAll
    static void stop() {
        client.close();
        aws.stop();
    }

    @BeforeEach
    void reset() {
        aws.resetAll();
    }

    private static void answer(int status, String body) {
        aws.stubFor(post(urlEqualTo("/")).withHeader("X-Amz-Target", containing("ListPublicKeys"))
                .willReturn(aResponse().withStatus(status).withHeader("Content-Type", "application/x-amz-json-1.1")
                        .withBody(body)));
    }

    private static String keyList(String fingerprint, String value) {
        return "{\"PublicKeyList\":[{\"ValidityStartTime\":1453076702.0,\"ValidityEndTime\":1455668702.0,"
                + "\"Value\":\"" + value + "\",\"Fingerprint\":\"" + fingerprint + "\"}]}";
    }

    @Test
    void aPemKeyFileAnswersForItsFingerprint() throws IOException {
        RSAPublicKey key = (RSAPublicKey) TrailFolder.SIGNER.getPublic();
        Path pem = Files.writeString(tmp.resolve("us-east-1.pem"), TrailFolder.pem(key));
        assertThat(PublicKeys.fromFiles(pem).between(FROM, TO).byFingerprint())
                .containsOnlyKeys(RsaKeys.fingerprint(key)).containsValue(key);
    }

    @Test
    void aDerKeyFileAnswersForItsFingerprint() throws IOException {
        RSAPublicKey key = (RSAPublicKey) TrailFolder.SIGNER.getPublic();
        Path der = Files.write(tmp.resolve("us-east-1.der"), key.getEncoded());
        assertThat(PublicKeys.fromFiles(der).between(FROM, TO).byFingerprint()).containsOnlyKeys(RsaKeys.fingerprint(key));
    }

    @Test
    void anRsaPublicKeyPemHoldsThePkcs1FormAwsPublishes() throws IOException {
        Path pem = Files.writeString(tmp.resolve("aws.pem"), "-----BEGIN RSA PUBLIC KEY-----\n"
                + RsaKeysTest.AWS_EXAMPLE_VALUE + "\n-----END RSA PUBLIC KEY-----\n");
        assertThat(PublicKeys.fromFiles(pem).between(FROM, TO).byFingerprint())
                .containsOnlyKeys(RsaKeysTest.AWS_EXAMPLE_FINGERPRINT);
    }

    @Test
    void aFileThatIsNotAKeyFailsNamingTheFile() throws IOException {
        Path notes = Files.writeString(tmp.resolve("notes.txt"), "not a key");
        assertThatThrownBy(() -> PublicKeys.fromFiles(notes)).isInstanceOf(IOException.class)
                .hasMessageStartingWith(notes + ": not an RSA public key");
    }

    @Test
    void listPublicKeysAnswersWithTheKeysAwsReturnsForTheRange() {
        answer(200, keyList(RsaKeysTest.AWS_EXAMPLE_FINGERPRINT, RsaKeysTest.AWS_EXAMPLE_VALUE));
        PublicKeys.Found found = PublicKeys.fromCloudTrail(client).between(FROM, TO);
        assertThat(found.unavailable()).isNull();
        assertThat(RsaKeys.fingerprint(found.byFingerprint().get(RsaKeysTest.AWS_EXAMPLE_FINGERPRINT)))
                .isEqualTo(RsaKeysTest.AWS_EXAMPLE_FINGERPRINT);
        aws.verify(postRequestedFor(urlEqualTo("/"))
                .withRequestBody(matchingJsonPath("$[?(@.StartTime == 1452988800 && @.EndTime == 1453075200)]")));
    }

    @Test
    void aDeniedListPublicKeysLeavesDigestsUnsignedWithOneLine() throws IOException {
        answer(400, "{\"__type\":\"AccessDeniedException\",\"Message\":\"User: arn:aws:iam::111122223333:user/ir is"
                + " not authorized to perform: cloudtrail:ListPublicKeys\"}");
        Path evidence = Files.createDirectories(tmp.resolve("evidence"));
        TrailFolder.write(evidence, 2, 1);
        DigestReport r = DigestValidation.validate(evidence, PublicKeys.fromCloudTrail(client));
        assertThat(r.digests()).extracting(DigestCheck::status).containsOnly(DigestCheck.Status.UNSIGNED);
        assertThat(r.digests().get(0).reason()).contains("cloudtrail:ListPublicKeys failed, AccessDeniedException:"
                + " grant cloudtrail:ListPublicKeys (AWS: User: arn:aws:iam::111122223333:user/ir is not authorized");
    }

    @Test
    void aTrailValidatesWithTheKeyListPublicKeysReturns() throws IOException {
        RSAPublicKey key = (RSAPublicKey) TrailFolder.SIGNER.getPublic();
        answer(200, keyList(RsaKeys.fingerprint(key), Base64.getEncoder().encodeToString(RsaKeys.pkcs1(key))));
        Path evidence = Files.createDirectories(tmp.resolve("evidence"));
        TrailFolder.write(evidence, 2, 1);
        PublicKeys perRegion = PublicKeys.anyOf(List.of(PublicKeys.none(), PublicKeys.fromCloudTrail(client)));
        assertThat(DigestValidation.validate(evidence, perRegion).verified()).isTrue();
    }
}
