package dev.rootline.ingest.aws;

import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.auth.credentials.ProfileCredentialsProvider;
import software.amazon.awssdk.awscore.client.builder.AwsClientBuilder;
import software.amazon.awssdk.awscore.client.builder.AwsSyncClientBuilder;
import software.amazon.awssdk.awscore.retry.AwsRetryStrategy;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.regions.providers.DefaultAwsRegionProviderChain;
import software.amazon.awssdk.services.cloudtrail.CloudTrailClient;
import software.amazon.awssdk.services.cloudwatchlogs.CloudWatchLogsClient;
import software.amazon.awssdk.services.ec2.Ec2Client;
import software.amazon.awssdk.services.eks.EksClient;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.utils.SdkAutoCloseable;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Builds the SDK clients every puller uses, configured once: credentials from the default chain or
 * {@code --profile}, the region from {@code --region} or the chain, {@code --endpoint-url}, and the adaptive
 * retry strategy, whose backoff and client-side rate limiting absorb throttling. Clients are made on first
 * use and closed with this object. Nothing here reads or prints a secret: the SDK resolves credentials when
 * it signs a request.
 */
public final class AwsClients implements AutoCloseable {
    /** Throttled LookupEvents or FilterLogEvents pages deserve more patience than the SDK's default 3 attempts. */
    static final int MAX_ATTEMPTS = 8;

    private final AwsSettings settings;
    private final AwsCredentialsProvider credentials;
    private final Region region;
    private final SdkHttpClient http;
    private final List<SdkAutoCloseable> open = new ArrayList<>();
    private S3Client s3;
    private CloudTrailClient cloudTrail;
    private CloudWatchLogsClient logs;
    private EksClient eks;
    private Ec2Client ec2;

    public AwsClients(AwsSettings settings) {
        this.settings = settings;
        this.region = region(settings);
        this.credentials = settings.profile() == null ? DefaultCredentialsProvider.builder().build()
                : ProfileCredentialsProvider.builder().profileName(settings.profile()).build();
        this.http = UrlConnectionHttpClient.builder()
                .connectionTimeout(Duration.ofSeconds(10))
                .socketTimeout(Duration.ofSeconds(60))
                .build();
    }

    public Region region() {
        return region;
    }

    public synchronized S3Client s3() {
        if (s3 == null) {
            // a local endpoint (moto, s3proxy, MinIO) has no bucket subdomains: address buckets by path
            s3 = keep(configure(S3Client.builder()).forcePathStyle(settings.endpoint() != null).build());
        }
        return s3;
    }

    public synchronized CloudTrailClient cloudTrail() {
        if (cloudTrail == null) {
            // rootline's only CloudTrail call is LookupEvents, whose quota is 2 requests per second
            cloudTrail = keep(configure(CloudTrailClient.builder(),
                    new RequestPacer(CloudTrailLookupPull.REQUESTS_PER_SECOND)).build());
        }
        return cloudTrail;
    }

    public synchronized CloudWatchLogsClient logs() {
        if (logs == null) {
            logs = keep(configure(CloudWatchLogsClient.builder()).build());
        }
        return logs;
    }

    public synchronized EksClient eks() {
        if (eks == null) {
            eks = keep(configure(EksClient.builder()).build());
        }
        return eks;
    }

    public synchronized Ec2Client ec2() {
        if (ec2 == null) {
            ec2 = keep(configure(Ec2Client.builder()).build());
        }
        return ec2;
    }

    private <B extends AwsClientBuilder<B, ?> & AwsSyncClientBuilder<B, ?>> B configure(B builder,
                                                                                 ExecutionInterceptor... interceptors) {
        builder.credentialsProvider(credentials)
                .region(region)
                .httpClient(http)
                .overrideConfiguration(o -> o.retryStrategy(AwsRetryStrategy.adaptiveRetryStrategy().toBuilder()
                        .maxAttempts(MAX_ATTEMPTS).build()).executionInterceptors(List.of(interceptors)));
        if (settings.endpoint() != null) {
            builder.endpointOverride(settings.endpoint());
        }
        return builder;
    }

    private <C extends SdkAutoCloseable> C keep(C client) {
        open.add(client);
        return client;
    }

    private static Region region(AwsSettings settings) {
        if (settings.region() != null) {
            return Region.of(settings.region());
        }
        try {
            return DefaultAwsRegionProviderChain.builder().profileName(settings.profile()).build().getRegion();
        } catch (SdkException e) {
            throw new PullException("no AWS region: pass --region, set AWS_REGION, or set a region in the "
                    + (settings.profile() == null ? "default profile" : "profile " + settings.profile()));
        }
    }

    @Override
    public synchronized void close() {
        for (SdkAutoCloseable c : open) {
            c.close();
        }
        open.clear();
        if (credentials instanceof SdkAutoCloseable c) {
            c.close();
        }
        http.close();
    }
}
