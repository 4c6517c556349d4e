package dev.rootline.ingest.aws;

import dev.rootline.ingest.aws.PullException.Kind;
import software.amazon.awssdk.awscore.exception.AwsErrorDetails;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.exception.SdkException;

import java.io.IOException;
import java.util.Locale;
import java.util.Set;

/**
 * Turns an SDK failure into one line a person can act on. The SDK's own messages can run to a paragraph (a
 * credential chain lists every provider it tried), so only AWS's short error message is quoted, and never
 * anything from the credentials.
 */
final class AwsErrors {
    private static final Set<String> DENIED = Set.of("AccessDenied", "AccessDeniedException", "UnauthorizedOperation",
            "UnauthorizedException", "Forbidden", "AuthorizationError", "AllAccessDisabled");
    private static final Set<String> BAD_CREDENTIALS = Set.of("InvalidAccessKeyId", "InvalidClientTokenId",
            "UnrecognizedClientException", "SignatureDoesNotMatch", "AuthFailure", "IncompleteSignature",
            "MissingAuthenticationToken", "InvalidToken", "InvalidSignatureException");
    private static final Set<String> EXPIRED = Set.of("ExpiredToken", "ExpiredTokenException", "RequestExpired",
            "TokenRefreshRequired");
    private static final Set<String> WRONG_REGION = Set.of("PermanentRedirect", "AuthorizationHeaderMalformed",
            "IllegalLocationConstraintException");
    private static final int MAX_QUOTE = 200;

    private AwsErrors() {
    }

    static PullException explain(AwsCall call, SdkException e) {
        String where = " on " + call.api() + " for " + call.resource() + ": ";
        if (e instanceof AwsServiceException s) {
            AwsErrorDetails d = s.awsErrorDetails();
            String code = d == null || d.errorCode() == null || d.errorCode().isBlank() ? "HTTP " + s.statusCode() : d.errorCode();
            Kind kind = kind(s, code);
            String quoted = d == null ? null : quote(d.errorMessage());
            return new PullException(code + where + advice(call, kind) + (quoted == null ? "" : " (AWS: " + quoted + ")"),
                    kind, e);
        }
        return clientProblem(call, e);
    }

    private static Kind kind(AwsServiceException s, String code) {
        if (EXPIRED.contains(code) || BAD_CREDENTIALS.contains(code)) {
            return Kind.CREDENTIALS;
        }
        if (DENIED.contains(code) || s.statusCode() == 403) {
            return Kind.DENIED;
        }
        if (WRONG_REGION.contains(code) || s.statusCode() == 301) {
            return Kind.REGION;
        }
        if (s.isThrottlingException()) {
            return Kind.THROTTLED;
        }
        if (code.endsWith("NotFound") || code.startsWith("NoSuch") || code.equals("ResourceNotFoundException")
                || s.statusCode() == 404) {
            return Kind.NOT_FOUND;
        }
        return s.statusCode() >= 500 ? Kind.SERVER : Kind.OTHER;
    }

    private static String advice(AwsCall call, Kind kind) {
        return switch (kind) {
            case CREDENTIALS -> "AWS did not accept the credentials (wrong or expired): refresh them (e.g. aws sso login)"
                    + " or check --profile / AWS_PROFILE";
            case DENIED -> "grant " + call.permission() + ", or pass --profile for a principal that has it";
            case REGION -> "the resource is in another region: pass its --region";
            case THROTTLED -> "AWS kept throttling after " + AwsClients.MAX_ATTEMPTS
                    + " attempts: run again later (finished work is kept), or narrow --from/--to";
            case NOT_FOUND -> "not found: check the name, the account (--profile) and --region";
            case SERVER -> "AWS failed after retries: run again later (finished work is kept)";
            default -> "AWS rejected the request: check the flags";
        };
    }

    private static PullException clientProblem(AwsCall call, SdkException e) {
        String what = call.api() + " for " + call.resource() + " failed: ";
        String message = String.valueOf(e.getMessage());
        String lower = message.toLowerCase(Locale.ROOT);
        if (lower.contains("unable to load credentials") || lower.contains("credentials") && lower.contains("profile")) {
            return new PullException(what + "no usable AWS credentials: pass --profile, set AWS_PROFILE,"
                    + " or run aws configure / aws sso login", Kind.CREDENTIALS, e);
        }
        if (lower.contains("unable to load region")) {
            return new PullException(what + "no AWS region: pass --region or set AWS_REGION", Kind.REGION, e);
        }
        Throwable io = cause(e, IOException.class);
        if (io != null) {
            return new PullException(what + "cannot reach AWS (" + io.getClass().getSimpleName()
                    + (io.getMessage() == null ? "" : ": " + quote(io.getMessage()))
                    + "); check --endpoint-url, --region and the network", Kind.NETWORK, e);
        }
        return new PullException(what + quote(message), Kind.OTHER, e);
    }

    private static Throwable cause(Throwable t, Class<? extends Throwable> type) {
        for (Throwable c = t; c != null; c = c.getCause()) {
            if (type.isInstance(c)) {
                return c;
            }
        }
        return null;
    }

    /** First line, at most {@value #MAX_QUOTE} characters; null for nothing. */
    static String quote(String message) {
        if (message == null || message.isBlank()) {
            return null;
        }
        String line = message.strip().lines().findFirst().orElse("");
        return line.length() <= MAX_QUOTE ? line : line.substring(0, MAX_QUOTE) + "…";
    }
}
