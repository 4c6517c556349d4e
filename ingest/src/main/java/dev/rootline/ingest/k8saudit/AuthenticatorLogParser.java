package dev.rootline.ingest.k8saudit;

import dev.rootline.ingest.Event;
import dev.rootline.ingest.EventParser;
import dev.rootline.ingest.InputFile;
import dev.rootline.ingest.ParseContext;

import java.io.IOException;
import java.util.Map;

/**
 * aws-iam-authenticator logs: logrus logfmt lines ({@code time="…" level=info msg="access granted" arn="…"
 * client="127.0.0.1:51362" …}) as the EKS {@code authenticator-*} streams hold them, and as self-hosted (kops)
 * authenticator pods print them behind a {@code <pod> <container> } prefix. {@link Logfmt} splits each line,
 * {@link AuthenticatorLines} maps it; blank lines are skipped, anything else that is not logfmt is rejected
 * with its line number.
 */
public final class AuthenticatorLogParser implements EventParser {
    static final int SCORE = 85;
    private static final int SNIFF_LINES = 50;

    @Override
    public String name() {
        return "eks-authenticator";
    }

    /**
     * Sure when most of the first lines are logfmt with {@code time}, {@code level} and {@code msg} and one of
     * them is the authenticator's own ({@code path=/authenticate}, its uid prefixes, its messages): other Go
     * programs log logfmt too, and those stay with the generic log parser.
     */
    @Override
    public int sniff(InputFile file) {
        String head = file.headText();
        boolean full = file.head().length >= InputFile.HEAD_BYTES;
        int lines = 0;
        int logfmt = 0;
        boolean ours = false;
        int start = !head.isEmpty() && head.charAt(0) == '\uFEFF' ? 1 : 0;
        while (start < head.length() && lines < SNIFF_LINES) {
            int nl = head.indexOf('\n', start);
            if (nl < 0 && full) {
                break; // the head cut this line short
            }
            String line = head.substring(start, nl < 0 ? head.length() : nl).strip();
            start = nl < 0 ? head.length() : nl + 1;
            if (line.isEmpty()) {
                continue;
            }
            lines++;
            Logfmt f = Logfmt.parse(line);
            Map<String, String> v = f.fields();
            if (f.ok() && v.containsKey("time") && v.containsKey("level") && v.containsKey("msg")) {
                logfmt++;
                ours |= isAuthenticator(f);
            }
        }
        return ours && logfmt * 2 >= lines ? SCORE : 0;
    }

    private static boolean isAuthenticator(Logfmt f) {
        Map<String, String> v = f.fields();
        String uid = v.getOrDefault("uid", "");
        String msg = v.get("msg");
        return "/authenticate".equals(v.get("path")) || uid.startsWith("aws-iam-authenticator:")
                || uid.startsWith("heptio-authenticator-aws:") || f.prefix().contains("aws-iam-authenticator")
                || "access granted".equals(msg) || "access denied".equals(msg) || "STS response".equals(msg);
    }

    @Override
    public void parse(InputFile file, ParseContext ctx) throws IOException {
        String identity = file.identity();
        try (Utf8Lines lines = Utf8Lines.open(file)) {
            while (lines.next()) {
                if (lines.text().isBlank()) {
                    continue;
                }
                if (lines.cut()) {
                    ctx.reject(lines.offset(), lines.number(), "line longer than " + Utf8Lines.MAX_LINE_BYTES + " bytes; not read");
                    continue;
                }
                Event e = AuthenticatorLines.map(lines.text(), ctx, identity, lines.offset(), lines.number());
                if (e != null) {
                    ctx.emit(e);
                }
            }
        }
    }

    /**
     * One authenticator line that arrived inside another envelope (a CloudWatch export whose message is one
     * line); its id derives from the envelope file's identity and the given place, as for a line of a file.
     *
     * @return the event, or null after rejecting the line with the reason
     */
    public static Event fromLine(String line, ParseContext ctx, long offset, long lineNumber) {
        String text = line == null ? "" : line.strip();
        if (text.isEmpty()) {
            ctx.reject(offset, lineNumber, "not an aws-iam-authenticator line: empty");
            return null;
        }
        return AuthenticatorLines.map(text, ctx, ctx.file().identity(), offset, lineNumber);
    }
}
