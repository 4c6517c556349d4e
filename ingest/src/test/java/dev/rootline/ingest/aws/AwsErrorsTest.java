package dev.rootline.ingest.aws;

import org.junit.jupiter.api.Test;
import software.amazon.awssdk.awscore.exception.AwsErrorDetails;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.services.s3.model.S3Exception;

import java.net.ConnectException;

import static org.assertj.core.api.Assertions.assertThat;

class AwsErrorsTest {
    private static final AwsCall LIST = AwsCall.of("s3:ListObjectsV2", "s3:ListBucket", "bucket trail-bucket");

    private static AwsServiceException aws(int status, String code, String message) {
        return S3Exception.builder().statusCode(status)
                .awsErrorDetails(AwsErrorDetails.builder().errorCode(code).errorMessage(message).build()).build();
    }

    @Test
    void accessDeniedNamesCallResourceAndPermission() {
        PullException e = AwsErrors.explain(LIST, aws(403, "AccessDenied", "Access Denied"));
        assertThat(e.getMessage()).isEqualTo("AccessDenied on s3:ListObjectsV2 for bucket trail-bucket: grant s3:ListBucket,"
                + " or pass --profile for a principal that has it (AWS: Access Denied)");
        assertThat(e.affectsEveryCall()).isTrue();
    }

    @Test
    void expiredCredentialsSayToRefreshThem() {
        PullException e = AwsErrors.explain(LIST, aws(400, "ExpiredToken", "The provided token has expired."));
        assertThat(e.getMessage()).startsWith("ExpiredToken on s3:ListObjectsV2 for bucket trail-bucket: AWS did not accept"
                + " the credentials (wrong or expired): refresh them");
        assertThat(e.affectsEveryCall()).isTrue();
    }

    @Test
    void throttlingThatOutlastedTheRetriesSaysFinishedWorkIsKept() {
        PullException e = AwsErrors.explain(LIST, aws(503, "SlowDown", "Please reduce your request rate."));
        assertThat(e.getMessage()).contains("AWS kept throttling after " + AwsClients.MAX_ATTEMPTS + " attempts")
                .contains("finished work is kept");
        assertThat(e.affectsEveryCall()).isFalse();
    }

    @Test
    void aWrongRegionSaysToPassTheBucketsRegion() {
        assertThat(AwsErrors.explain(LIST, aws(301, "PermanentRedirect", "The bucket you are attempting to access must be"
                + " addressed using the specified endpoint.")).getMessage()).contains("pass its --region");
    }

    @Test
    void missingCredentialsAreOneLineWithoutTheChainsParagraph() {
        PullException e = AwsErrors.explain(LIST, SdkClientException.create("Unable to load credentials from any of the"
                + " providers in the chain AwsCredentialsProviderChain(credentialsProviders=[SystemPropertyCredentialsProvider(),"
                + " EnvironmentVariableCredentialsProvider(), ...]) : [SystemPropertyCredentialsProvider(): Unable to load"
                + " credentials from system settings. Access key must be specified either via environment variable"
                + " (AWS_ACCESS_KEY_ID) or system property (aws.accessKeyId)., ...]"));
        assertThat(e.getMessage()).isEqualTo("s3:ListObjectsV2 for bucket trail-bucket failed: no usable AWS credentials:"
                + " pass --profile, set AWS_PROFILE, or run aws configure / aws sso login");
    }

    @Test
    void anUnreachableEndpointSaysWhatToCheck() {
        PullException e = AwsErrors.explain(LIST, SdkClientException.builder().message("Unable to execute HTTP request")
                .cause(new ConnectException("Connection refused")).build());
        assertThat(e.getMessage()).isEqualTo("s3:ListObjectsV2 for bucket trail-bucket failed: cannot reach AWS"
                + " (ConnectException: Connection refused); check --endpoint-url, --region and the network");
        assertThat(e.affectsEveryCall()).isFalse();
    }

    @Test
    void awsMessagesAreQuotedOnOneShortLine() {
        String message = AwsErrors.explain(LIST, aws(400, "InvalidArgument", "first line\nsecond line " + "x".repeat(500)))
                .getMessage();
        assertThat(message).doesNotContain("\n").contains("(AWS: first line)");
        assertThat(AwsErrors.quote("y".repeat(500))).hasSize(201);
    }
}
