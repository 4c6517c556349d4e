package dev.rootline.ingest.envelope;

import dev.rootline.ingest.EventParser;
import dev.rootline.ingest.InputFile;
import dev.rootline.ingest.ParseContext;
import dev.rootline.ingest.applog.BoundedLineReader;

import java.io.IOException;

/**
 * Container output as containerd and CRI-O write it on the node ({@code /var/log/containers/*.log}):
 * {@link CriLine} per line, split lines joined per stream, the inner text then read as the log it is
 * (Spring Boot, another timestamped log, or plain lines). The file name gives pod, namespace and container.
 */
public final class CriLogParser implements EventParser {
    static final int SCORE = 95;

    @Override
    public String name() {
        return "cri";
    }

    @Override
    public int sniff(InputFile file) {
        return Heads.mostly(Heads.lines(file), l -> CriLine.parse(l) != null) ? SCORE : 0;
    }

    @Override
    public void parse(InputFile file, ParseContext ctx) throws IOException {
        StreamMeta base = KubePaths.of(file.path());
        Streams streams = new Streams(ctx);
        StreamMeta last = base.withStream("stdout");
        try (BoundedLineReader lines = BoundedLineReader.open(file)) {
            while (lines.next()) {
                String line = lines.line();
                CriLine cri = CriLine.parse(line);
                if (cri == null) {
                    if (line.isBlank()) {
                        continue;
                    }
                    // a line with no CRI prefix (pasted, or a runtime bug): the stream above is where it belongs
                    ctx.warn(lines.offset(), lines.number(), "line without a CRI prefix; kept as a line of the "
                            + last.stream() + " stream above");
                    streams.line(last, line, false, null, null, lines.number(), lines.offset(), null);
                    continue;
                }
                last = base.withStream(cri.stream());
                streams.line(last, cri.text(), cri.partial(), null, cri.time(), lines.number(), lines.offset(), null);
            }
        } finally {
            streams.end();
        }
    }
}
