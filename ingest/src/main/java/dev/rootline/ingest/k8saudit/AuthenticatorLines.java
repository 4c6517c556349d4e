package dev.rootline.ingest.k8saudit;

import dev.rootline.ingest.Event;
import dev.rootline.ingest.IpAddresses;
import dev.rootline.ingest.Level;
import dev.rootline.ingest.ParseContext;
import dev.rootline.ingest.Source;
import dev.rootline.ingest.StableIds;
import dev.rootline.ingest.Timestamps;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * Maps one aws-iam-authenticator line to an {@link Event}.
 *
 * <p>The id is {@code eks-auth-} + a hash of the file's identity, the line's number and offset and its text, as
 * for other logs: re-reading the file never duplicates, while two identical lines (one client on a kept-alive
 * connection, twice in a second) stay two events. The actor is the IAM ARN, else the user name; the account
 * comes from the ARN, else {@code accountid=}, else the uid ({@code aws-iam-authenticator:<account>:<id>}, or
 * the old {@code heptio-authenticator-aws:} prefix).
 */
final class AuthenticatorLines {
    static final String KIND = "log";
    static final String ID_PREFIX = "eks-auth-";
    /** Values that say what happened, in the order the message shows them after {@code msg}. */
    private static final List<String> FACTS = List.of("username", "arn", "accountid", "groups", "error");
    private static final List<String> UID_PREFIXES = List.of("aws-iam-authenticator:", "heptio-authenticator-aws:");

    private AuthenticatorLines() {
    }

    /** The event for one line, or null after rejecting it with the reason. */
    static Event map(String text, ParseContext ctx, String identity, long offset, long line) {
        Logfmt f = Logfmt.parse(text);
        if (!f.ok()) {
            ctx.reject(offset, line, "not an aws-iam-authenticator line: " + f.problem());
            return null;
        }
        Map<String, String> v = f.fields();
        if (!v.containsKey("time") && !v.containsKey("msg")) {
            ctx.reject(offset, line, "not an aws-iam-authenticator line: no time= or msg=");
            return null;
        }
        String arn = blank(v.get("arn"));
        Event.Builder b = Event.builder(Source.EKS_AUTHENTICATOR, KIND)
                .id(ID_PREFIX + StableIds.hash(identity, String.valueOf(line), String.valueOf(offset), text))
                .level(Level.parse(v.get("level")))
                .message(message(v))
                .actor(arn != null ? arn : v.get("username"))
                .account(account(arn, v))
                .raw(text)
                .provenance(ctx.at(offset, line));
        String time = blank(v.get("time"));
        Instant t = Timestamps.parse(time, ctx.logZone());
        if (t != null) {
            b.time(t);
        } else {
            ctx.warn(offset, line, time == null ? "authenticator line has no time=; kept without a time"
                    : "unreadable time '" + time + "'; kept without a time");
        }
        String client = host(v.get("client"));
        if (IpAddresses.isIp(client)) {
            b.ip(client);
        }
        v.forEach(b::attribute);
        List<String> prefix = f.prefix();
        if (prefix.size() == 2) {
            b.attribute("pod", prefix.get(0)).attribute("container", prefix.get(1));
        } else if (prefix.size() == 1) {
            b.attribute("prefix", prefix.get(0));
        }
        return b.build();
    }

    /** {@code access granted username=kubernetes-admin arn=arn:aws:iam::…:user/x groups=[system:masters]}. */
    private static String message(Map<String, String> v) {
        StringBuilder m = new StringBuilder(v.getOrDefault("msg", ""));
        for (String key : FACTS) {
            String value = blank(v.get(key));
            if (value != null) {
                boolean quote = value.indexOf(' ') >= 0;
                m.append(m.isEmpty() ? "" : " ").append(key).append('=')
                        .append(quote ? "\"" : "").append(value).append(quote ? "\"" : "");
            }
        }
        return m.toString();
    }

    private static String account(String arn, Map<String, String> v) {
        String fromArn = KubeAuditRecords.account(arn);
        if (fromArn != null) {
            return fromArn;
        }
        String id = blank(v.get("accountid"));
        if (id != null && id.chars().allMatch(Character::isDigit)) {
            return id;
        }
        String uid = v.get("uid");
        for (String p : UID_PREFIXES) {
            if (uid != null && uid.startsWith(p)) {
                int end = uid.indexOf(':', p.length());
                String account = end < 0 ? null : uid.substring(p.length(), end);
                return account != null && !account.isEmpty() && account.chars().allMatch(Character::isDigit) ? account : null;
            }
        }
        return null;
    }

    /** The address of {@code 127.0.0.1:51362} or {@code [::1]:51362}. */
    private static String host(String client) {
        if (client == null || client.isEmpty()) {
            return null;
        }
        if (client.startsWith("[")) {
            int close = client.indexOf(']');
            return close < 0 ? client : client.substring(1, close);
        }
        int colon = client.lastIndexOf(':');
        return colon > 0 && client.indexOf(':') == colon ? client.substring(0, colon) : client;
    }

    private static String blank(String s) {
        return s == null || s.isBlank() ? null : s;
    }
}
