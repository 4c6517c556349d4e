package dev.rootline.ingest.aws;

import software.amazon.awssdk.services.cloudtrail.CloudTrailClient;
import software.amazon.awssdk.services.cloudtrail.model.LookupAttribute;
import software.amazon.awssdk.services.cloudtrail.model.LookupAttributeKey;
import software.amazon.awssdk.services.cloudtrail.model.LookupEventsResponse;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * {@code rootline pull cloudtrail-lookup}: the last 90 days of management events through LookupEvents, for
 * accounts whose trail is not at hand. Pages are written as the API returns them
 * ({@code {"Events":[{"CloudTrailEvent":"…"}],"NextToken":…}}, the shape {@code aws cloudtrail lookup-events}
 * prints) and read by the CloudTrail parser like any saved lookup.
 *
 * <p>LookupEvents takes one attribute per call, so each {@code --event-name} is its own series of pages,
 * followed by {@code NextToken}. The client from {@link AwsClients#cloudTrail()} paces every request, retries
 * included, to the API's quota of 2 per second.
 */
public final class CloudTrailLookupPull {
    static final double REQUESTS_PER_SECOND = 2;
    /** The most LookupEvents returns per page. */
    public static final int MAX_PAGE = 50;

    public record Request(Instant from, Instant to, List<String> eventNames, int pageSize) {
        public Request {
            RequestChecks.window(from, to);
            RequestChecks.atMost("page size", pageSize, MAX_PAGE);
            eventNames = List.copyOf(eventNames);
        }
    }

    public record Result(int requests, long events, List<Path> files) {
    }

    private final CloudTrailClient cloudTrail;

    public CloudTrailLookupPull(CloudTrailClient cloudTrail) {
        this.cloudTrail = cloudTrail;
    }

    public Result run(Request request, Path folder) throws IOException {
        List<String> names = request.eventNames().isEmpty() ? Collections.singletonList(null) : request.eventNames();
        List<Path> files = new ArrayList<>();
        int requests = 0;
        long events = 0;
        for (String name : names) {
            AwsCall call = AwsCall.of("cloudtrail:LookupEvents", "cloudtrail:LookupEvents",
                    name == null ? "all events" : "eventName " + name);
            List<LookupAttribute> attributes = name == null ? List.of()
                    : List.of(LookupAttribute.builder().attributeKey(LookupAttributeKey.EVENT_NAME).attributeValue(name).build());
            String token = null;
            int page = 0;
            do {
                String next = token;
                LookupEventsResponse response = call.run(() -> cloudTrail.lookupEvents(b -> b.startTime(request.from())
                        .endTime(request.to()).lookupAttributes(attributes).maxResults(request.pageSize()).nextToken(next)));
                requests++;
                page++;
                Path file = folder.resolve(String.format("%s-page-%05d.json", name == null ? "all" : safe(name), page));
                SnapshotFiles.write(file, g -> {
                    g.writeStartObject();
                    SnapshotFiles.array(g, "Events", response.events(), e -> true);
                    if (response.nextToken() != null) {
                        g.writeStringField("NextToken", response.nextToken());
                    }
                    g.writeEndObject();
                });
                files.add(file);
                events += response.events().size();
                token = response.nextToken();
            } while (token != null && !token.isEmpty());
        }
        return new Result(requests, events, files);
    }

    private static String safe(String name) {
        return name.replaceAll("[^A-Za-z0-9._-]", "_");
    }
}
