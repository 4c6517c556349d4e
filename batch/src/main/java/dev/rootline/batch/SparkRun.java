package dev.rootline.batch;

import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.sql.SparkSession;

import java.io.PrintWriter;

/**
 * The Spark session of one batch command. Locally ({@code --master local[N]}) it prints the Spark UI's address;
 * under {@code spark-submit} the master and resources come from the submission and {@code --master} is ignored.
 */
final class SparkRun implements AutoCloseable {
    private final SparkSession spark;
    /** Whether this run started the session: one it found (a notebook's, a test suite's) is left running. */
    private final boolean owned;

    SparkRun(String appName, String master, PrintWriter err) {
        owned = SparkSession.getDefaultSession().isEmpty() && SparkSession.getActiveSession().isEmpty();
        SparkSession.Builder b = SparkSession.builder().appName(appName)
                .config("spark.ui.showConsoleProgress", "false")
                // a re-run replaces the Parquet partitions it writes, and only those
                .config("spark.sql.sources.partitionOverwriteMode", "dynamic")
                .config("spark.sql.session.timeZone", "UTC")
                // the parsed records kept on local disks are JSON: compressed, a tenth of the bytes to write and read
                .config("spark.rdd.compress", "true");
        if (System.getProperty("spark.master") == null) {
            b.master(master);
        }
        spark = b.getOrCreate();
        spark.sparkContext().setLogLevel("WARN");
        String m = spark.sparkContext().master();
        String ui = spark.sparkContext().uiWebUrl().isDefined() ? spark.sparkContext().uiWebUrl().get() : null;
        err.printf("spark    %s, %d cores%s%n", m, spark.sparkContext().defaultParallelism(),
                ui != null && m.startsWith("local") ? ", UI at " + ui : "");
        err.flush();
    }

    SparkSession session() {
        return spark;
    }

    JavaSparkContext context() {
        return JavaSparkContext.fromSparkContext(spark.sparkContext());
    }

    @Override
    public void close() {
        if (owned) {
            spark.stop();
        }
    }
}
