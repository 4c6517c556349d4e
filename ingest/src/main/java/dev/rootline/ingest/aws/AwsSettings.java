package dev.rootline.ingest.aws;

import java.net.URI;

/**
 * Where and as whom to call AWS, as the AWS CLI's global flags say it.
 *
 * @param region   {@code --region}, or null for the default chain ({@code AWS_REGION}, then the profile's region)
 * @param profile  {@code --profile}, or null for the default credential chain (environment, {@code AWS_PROFILE},
 *                 SSO, container and instance roles)
 * @param endpoint {@code --endpoint-url}, or null for AWS's own endpoints; a local server such as moto in tests
 */
public record AwsSettings(String region, String profile, URI endpoint) {
    public AwsSettings {
        region = blankToNull(region);
        profile = blankToNull(profile);
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
