package dev.rootline.ingest.cloudtrail.digest;

import software.amazon.awssdk.awscore.exception.AwsErrorDetails;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.cloudtrail.CloudTrailClient;
import software.amazon.awssdk.services.cloudtrail.model.PublicKey;

import java.security.interfaces.RSAPublicKey;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Public keys from {@code cloudtrail:ListPublicKeys}, one call (paginated) per validation, as validate-logs does.
 * The API returns each key's fingerprint and its PKCS#1 DER value. A failure becomes one line naming the call and
 * AWS's error code, never the SDK's multi-paragraph message.
 */
final class CloudTrailPublicKeys implements PublicKeys {
    private static final String CALL = "cloudtrail:ListPublicKeys";
    private static final int MAX_QUOTE = 200;

    private final CloudTrailClient client;

    CloudTrailPublicKeys(CloudTrailClient client) {
        this.client = client;
    }

    @Override
    public Found between(Instant from, Instant to) {
        Map<String, RSAPublicKey> keys = new HashMap<>();
        List<String> unreadable = new ArrayList<>();
        try {
            for (PublicKey k : client.listPublicKeysPaginator(r -> r.startTime(from).endTime(to)).publicKeyList()) {
                if (k.fingerprint() == null || k.value() == null) {
                    continue;
                }
                try {
                    keys.put(k.fingerprint(), RsaKeys.fromPkcs1(k.value().asByteArray()));
                } catch (IllegalArgumentException e) {
                    unreadable.add(k.fingerprint());
                }
            }
        } catch (SdkException e) {
            return new Found(keys, explain(e));
        }
        return new Found(keys, unreadable.isEmpty() ? null
                : CALL + " returned keys that are not RSA PKCS#1: " + String.join(", ", unreadable));
    }

    static String explain(SdkException e) {
        if (e instanceof AwsServiceException s) {
            AwsErrorDetails d = s.awsErrorDetails();
            String code = d == null || d.errorCode() == null ? "HTTP " + s.statusCode() : d.errorCode();
            String message = d == null ? null : quote(d.errorMessage());
            String hint = s.statusCode() == 403 || code.startsWith("AccessDenied") ? ": grant " + CALL : "";
            return CALL + " failed, " + code + hint + (message == null ? "" : " (AWS: " + message + ")");
        }
        String message = quote(e.getMessage());
        return CALL + " failed: " + (message == null ? e.getClass().getSimpleName() : message);
    }

    private static String quote(String message) {
        if (message == null || message.isBlank()) {
            return null;
        }
        String line = message.strip().lines().findFirst().orElse("");
        return line.length() <= MAX_QUOTE ? line : line.substring(0, MAX_QUOTE) + "…";
    }
}
