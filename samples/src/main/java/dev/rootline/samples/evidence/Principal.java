package dev.rootline.samples.evidence;

import com.fasterxml.jackson.core.JsonGenerator;

import java.io.IOException;

/**
 * Who made an AWS API call, as CloudTrail's {@code userIdentity} names it, and where the call came from.
 *
 * @param type      {@code AssumedRole}, {@code AWSService}, {@code WebIdentityUser} or {@code IAMUser}
 * @param name      role name, user name, or the service account ({@code system:serviceaccount:ns:sa})
 * @param id        role id ({@code AROA…}), user id ({@code AIDA…}), or the OIDC provider ARN
 * @param path      IAM path of the role ({@code /}, {@code /aws-reserved/sso.amazonaws.com/})
 * @param session   role session name ({@code AmazonEKS}, an instance id, a person's e-mail)
 * @param invokedBy the service that made the call on the principal's behalf, or null
 * @param sourceIp  {@code sourceIPAddress}: an IP, or a service name for calls AWS makes itself
 * @param keySeed   makes the session's access key id, which changes every hour
 * @param console   calls made from the AWS console
 */
public record Principal(String type, String name, String id, String path, String session, String invokedBy,
                        String sourceIp, String userAgent, long keySeed, boolean console) {

    public static Principal role(String role, String roleId, String path, String session, String sourceIp,
                                 String userAgent, long keySeed) {
        return new Principal("AssumedRole", role, roleId, path, session, null, sourceIp, userAgent, keySeed, false);
    }

    /** A role that an AWS service assumes and uses on the account's behalf (EKS managing its ENIs). */
    public static Principal serviceRole(String role, String roleId, String path, String session, String service,
                                        long keySeed) {
        return new Principal("AssumedRole", role, roleId, path, session, service, service, service, keySeed, false);
    }

    public static Principal service(String service) {
        return new Principal("AWSService", null, null, null, null, service, service, service, 0, false);
    }

    public static Principal webIdentity(String serviceAccount, String providerArn, String sourceIp, String userAgent) {
        return new Principal("WebIdentityUser", serviceAccount, providerArn, null, null, null, sourceIp, userAgent, 0,
                false);
    }

    public Principal withSession(String newSession, String newSourceIp) {
        return new Principal(type, name, id, path, newSession, invokedBy, newSourceIp, userAgent, keySeed, console);
    }

    public Principal viaConsole() {
        return new Principal(type, name, id, path, session, invokedBy, sourceIp, userAgent, keySeed, true);
    }

    /** True for calls AWS makes itself (no TLS details, the service as source). */
    public boolean isService() {
        return invokedBy != null;
    }

    public String arn(String account) {
        return switch (type) {
            case "AssumedRole" -> "arn:aws:sts::" + account + ":assumed-role/" + name + "/" + session;
            case "IAMUser" -> "arn:aws:iam::" + account + ":user/" + name;
            default -> null;
        };
    }

    public String roleArn(String account) {
        return "arn:aws:iam::" + account + ":role" + path + name;
    }

    /** {@code "userIdentity": {…}} for a call at the given time. */
    public void write(JsonGenerator g, String account, long time) throws IOException {
        g.writeObjectFieldStart("userIdentity");
        g.writeStringField("type", type);
        switch (type) {
            case "AssumedRole" -> {
                g.writeStringField("principalId", id + ":" + session);
                g.writeStringField("arn", arn(account));
                g.writeStringField("accountId", account);
                g.writeStringField("accessKeyId", Ids.sessionKey(keySeed, Math.floorDiv(time, Times.HOUR)));
                g.writeObjectFieldStart("sessionContext");
                g.writeObjectFieldStart("sessionIssuer");
                g.writeStringField("type", "Role");
                g.writeStringField("principalId", id);
                g.writeStringField("arn", roleArn(account));
                g.writeStringField("accountId", account);
                g.writeStringField("userName", name);
                g.writeEndObject();
                Json.emptyObject(g, "webIdFederationData");
                g.writeObjectFieldStart("attributes");
                g.writeStringField("creationDate", Times.iso(sessionStart(time)));
                g.writeStringField("mfaAuthenticated", "false");
                g.writeEndObject();
                g.writeEndObject();
                if (invokedBy != null) {
                    g.writeStringField("invokedBy", invokedBy);
                }
            }
            case "AWSService" -> g.writeStringField("invokedBy", invokedBy);
            case "WebIdentityUser" -> {
                g.writeStringField("principalId", id + ":sts.amazonaws.com:" + name);
                g.writeStringField("userName", name);
                g.writeStringField("identityProvider", id);
            }
            default -> {
                g.writeStringField("principalId", id);
                g.writeStringField("arn", arn(account));
                g.writeStringField("accountId", account);
                g.writeStringField("accessKeyId", "AKIA" + Ids.sessionKey(keySeed, 0).substring(4));
                g.writeStringField("userName", name);
            }
        }
        g.writeEndObject();
    }

    /** Sessions last an hour and start at a principal-specific minute, so creationDate is stable within one. */
    private long sessionStart(long time) {
        long offset = Math.floorMod(keySeed, Times.HOUR);
        return Math.floorDiv(time - offset, Times.HOUR) * Times.HOUR + offset;
    }
}
