package dev.rootline.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Unmatched;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

/**
 * {@code rootline batch} when the batch module (Apache Spark, some 300 MB of libraries) is not on the classpath:
 * says how to get it. {@code ./rootline batch} builds it on first use and runs it in its place.
 */
@Command(name = "batch", description = {
        "Batch runs over history on Apache Spark: 'batch ingest' and 'batch sweep' (every past incident).",
        "Run through ./rootline, which builds the batch module on its first use."})
final class BatchUnavailableCommand implements Callable<Integer> {
    /** The class that {@code ./rootline batch} puts on the classpath. */
    static final String BATCH_COMMAND = "dev.rootline.batch.BatchCommand";

    @Unmatched
    List<String> args = new ArrayList<>();

    @Override
    public Integer call() {
        throw new UserError("rootline batch needs the batch module (Apache Spark): run it as './rootline batch …', which"
                + " builds it on first use, or build it with './mvnw -pl batch -am package' and see README 'Batch runs on Spark'");
    }

    /** The batch command if its module is on the classpath, else this one. */
    static Object command() {
        try {
            return Class.forName(BATCH_COMMAND).getDeclaredConstructor().newInstance();
        } catch (ReflectiveOperationException | LinkageError e) {
            return new BatchUnavailableCommand();
        }
    }
}
