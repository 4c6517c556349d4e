package dev.rootline.batch;

import dev.rootline.ingest.Event;
import dev.rootline.ingest.ResourceType;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;
import scala.jdk.javaapi.CollectionConverters;

import java.sql.Timestamp;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The Parquet dataset's rows: one per event, the search fields as columns (snake case, so SQL engines that fold
 * names to lower case read them as written), partitioned by {@code source} and the UTC {@code date} of the event
 * ({@code unknown} for events without a time). The schema is documented in the README ("Parquet dataset").
 */
final class EventRows {
    static final String NO_DATE = "unknown";

    static final StructType SCHEMA = new StructType(new StructField[] {
            field("id", DataTypes.StringType, false),
            field("time", DataTypes.TimestampType, true),
            field("kind", DataTypes.StringType, false),
            field("level", DataTypes.StringType, true),
            field("message", DataTypes.StringType, true),
            field("actor", DataTypes.StringType, true),
            field("account", DataTypes.StringType, true),
            field("region", DataTypes.StringType, true),
            field("event_name", DataTypes.StringType, true),
            field("event_source", DataTypes.StringType, true),
            field("logger", DataTypes.StringType, true),
            field("thread", DataTypes.StringType, true),
            field("errors", DataTypes.createArrayType(DataTypes.StringType, false), false),
            field("targets", DataTypes.createArrayType(DataTypes.StringType, false), false),
            field("ips", DataTypes.createArrayType(DataTypes.StringType, false), false),
            field("resources", DataTypes.createMapType(DataTypes.StringType,
                    DataTypes.createArrayType(DataTypes.StringType, false), false), false),
            field("attributes", DataTypes.createMapType(DataTypes.StringType, DataTypes.StringType, false), false),
            field("raw", DataTypes.StringType, false),
            field("file", DataTypes.StringType, false),
            field("offset", DataTypes.LongType, false),
            field("line", DataTypes.LongType, false),
            field("source", DataTypes.StringType, false),
            field("date", DataTypes.StringType, false)});

    private EventRows() {
    }

    private static StructField field(String name, org.apache.spark.sql.types.DataType type, boolean nullable) {
        return DataTypes.createStructField(name, type, nullable);
    }

    /** Spark's row encoder takes Scala collections only. */
    static Row row(Event e) {
        Map<String, scala.collection.immutable.Seq<String>> resources = new LinkedHashMap<>();
        for (Map.Entry<ResourceType, List<String>> r : e.resources().entrySet()) {
            resources.put(r.getKey().field(), seq(r.getValue()));
        }
        return RowFactory.create(e.id(), e.time() == null ? null : Timestamp.from(e.time()), e.kind(),
                e.level() == null ? null : e.level().name(), e.message(), e.actor(), e.account(), e.region(),
                e.eventName(), e.eventSource(), e.logger(), e.thread(), seq(e.errors()), seq(e.targets()), seq(e.ips()),
                CollectionConverters.asScala(resources), CollectionConverters.asScala(e.attributes()), e.raw(), e.provenance().path(), e.provenance().offset(), e.provenance().line(),
                e.source().id(), date(e));
    }

    private static scala.collection.immutable.Seq<String> seq(List<String> list) {
        return CollectionConverters.asScala(list).toSeq();
    }

    static String date(Event e) {
        return e.time() == null ? NO_DATE : e.time().atOffset(ZoneOffset.UTC).toLocalDate().toString();
    }
}
