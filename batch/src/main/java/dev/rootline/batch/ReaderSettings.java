package dev.rootline.batch;

import dev.rootline.ingest.Ingestion;
import dev.rootline.ingest.aws.AwsSettings;

import java.io.Serializable;
import java.net.URI;
import java.time.ZoneId;
import java.util.List;

/**
 * What executors need to read objects as {@code rootline ingest} would: the parser options and the AWS settings,
 * in a form that travels to them.
 *
 * @param type     a parser name to force, or null to detect each object's format
 * @param logZone  the zone of zone-less log timestamps
 * @param endpoint the AWS endpoint URL, or null
 */
record ReaderSettings(String type, String logZone, boolean logZoneGiven, String region, String profile, String endpoint)
        implements Serializable {

    Ingestion.Options ingestion() {
        return new Ingestion.Options(type, ZoneId.of(logZone), 1, List.of(), null, logZoneGiven, null);
    }

    AwsSettings aws() {
        return new AwsSettings(region, profile, endpoint == null ? null : URI.create(endpoint));
    }

    static ReaderSettings of(String type, ZoneId logZone, boolean logZoneGiven, AwsSettings aws) {
        return new ReaderSettings(type, logZone.getId(), logZoneGiven, aws.region(), aws.profile(),
                aws.endpoint() == null ? null : aws.endpoint().toString());
    }
}
