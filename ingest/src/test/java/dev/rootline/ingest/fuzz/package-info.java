/**
 * In-process fuzzing of every parser, of format detection, of the log envelopes and of archives, with Jazzer's JUnit
 * integration.
 *
 * <p>A target is a class named {@code *FuzzTest} with one {@code @FuzzTest} method: one per parser in
 * {@link dev.rootline.ingest.ParserRegistry} ({@link dev.rootline.ingest.fuzz.ParserFuzzTarget}),
 * {@link dev.rootline.ingest.fuzz.DetectionFuzzTest}, {@link dev.rootline.ingest.fuzz.EnvelopeFuzzTest} and
 * {@link dev.rootline.ingest.fuzz.ArchiveFuzzTest}. Each checks {@link dev.rootline.ingest.fuzz.FuzzContract}: nothing
 * escapes a parser but a recorded rejection (or, for gzip, an IOException), and every rejection says where.
 *
 * <p>The build runs them in the surefire execution {@code fuzz} of this module, one fresh JVM per target, as Jazzer
 * fuzzes a single {@code @FuzzTest} per JVM: {@code -Drootline.fuzz.seconds=N} sets how long each fuzzes,
 * {@code -Drootline.fuzz=0} only replays the seeds. Seeds are read when the tests start, from {@code ../shared/corpus}
 * and the parsers' fixtures ({@link dev.rootline.ingest.fuzz.FuzzSeeds}); fuzzing writes its growing corpus and any
 * {@code crash-*} input under {@code ingest/target/jazzer/}. A crash becomes a plain JUnit test beside the parser's
 * own tests, its input trimmed by hand.
 */
package dev.rootline.ingest.fuzz;
