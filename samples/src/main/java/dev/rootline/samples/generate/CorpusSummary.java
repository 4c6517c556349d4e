package dev.rootline.samples.generate;

import java.time.Duration;
import java.util.Collections;
import java.util.Map;
import java.util.TreeMap;

/**
 * What a corpus run wrote.
 *
 * @param files          files written
 * @param events         events written, as rootline's parsers will count them (a log line with its stack
 *                       trace is one event)
 * @param bytes          bytes on disk (compressed)
 * @param eventsBySource events per format: {@code cloudtrail}, {@code clouddriver}, {@code k8s-event}
 */
public record CorpusSummary(long files, long events, long bytes, Map<String, Long> eventsBySource, Duration elapsed) {
    public CorpusSummary {
        eventsBySource = Collections.unmodifiableMap(new TreeMap<>(eventsBySource));
    }
}
