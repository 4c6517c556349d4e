package dev.rootline.index;

import dev.rootline.ingest.ResourceType;
import org.apache.lucene.document.InetAddressPoint;
import org.apache.lucene.document.LongField;
import org.apache.lucene.search.Query;

import java.net.InetAddress;
import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.Set;

/**
 * The index schema: field names and the query factories for them, in one place.
 *
 * <ul>
 *   <li>{@link #TIME}: epoch millis as a {@link LongField} (points for ranges, doc values for the index sort);</li>
 *   <li>keyword fields: exact, case-insensitive (values are lower-cased on both sides); {@link #ID} is exact
 *       including case, as the writer upserts on it;</li>
 *   <li>{@link #IP}: {@link InetAddressPoint} for exact and CIDR queries, plus a keyword for wildcards;</li>
 *   <li>{@link #MESSAGE} and the catch-all {@link #TEXT}: tokenised full text. {@code TEXT} holds every other
 *       indexed value (not the message, not the raw record) to stay small; unqualified terms search both;</li>
 *   <li>{@link #EVENT} and {@link #RAW}: stored only, to show each hit as it was read;</li>
 *   <li>binary doc-values columns investigate reads instead of the stored records: {@link EniStepColumn} on
 *       ENI calls and snapshots, {@link ChangeCallColumn} on network changes, {@link FailureColumn} on
 *       failing application and Kubernetes events.</li>
 * </ul>
 */
public final class Fields {
    public static final String ID = "id";
    public static final String TIME = "time";
    public static final String SOURCE = "source";
    public static final String KIND = "kind";
    public static final String LEVEL = "level";
    public static final String MESSAGE = "message";
    public static final String EVENT_NAME = "eventName";
    public static final String EVENT_SOURCE = "eventSource";
    public static final String ACCOUNT = "account";
    public static final String REGION = "region";
    public static final String ACTOR = "actor";
    public static final String IP = "ip";
    public static final String LOGGER = "logger";
    public static final String THREAD = "thread";
    public static final String ERROR = "error";
    public static final String TARGET = "target";
    /** Every resource id, whatever its type. */
    public static final String RESOURCE = ResourceType.OTHER.field();
    public static final String FILE = "file";
    /** CloudTrail's own record and request ids. */
    public static final String EVENT_ID = "eventID";
    public static final String REQUEST_ID = "requestID";
    /** Where a log line came from, as its envelope (CRI file name, Fluent Bit, CloudWatch) named it. */
    public static final String POD = "pod";
    public static final String NAMESPACE = "namespace";
    public static final String CONTAINER = "container";
    public static final String NODE = "node";
    public static final String STREAM = "stream";
    public static final String LOG_STREAM = "logStream";
    /** Kubernetes audit: the API verb ({@code get}, {@code patch}…). */
    public static final String VERB = "verb";
    /** VPC Flow Logs record fields. */
    public static final String SRCADDR = "srcaddr";
    public static final String DSTADDR = "dstaddr";
    public static final String SRCPORT = "srcport";
    public static final String DSTPORT = "dstport";
    public static final String PROTOCOL = "protocol";
    public static final String ACTION = "action";
    public static final String LOG_STATUS = "logStatus";

    /**
     * Event attributes indexed as keyword fields of the same name (exact, case-insensitive, wildcards), and in
     * the catch-all text: envelope metadata, audit verbs and flow-record fields. Searchable as {@code pod:…}.
     */
    public static final Set<String> ATTRIBUTE_KEYWORDS = Set.of(POD, NAMESPACE, CONTAINER, NODE, STREAM, LOG_STREAM, VERB,
            SRCADDR, DSTADDR, SRCPORT, DSTPORT, PROTOCOL, ACTION, LOG_STATUS);

    /**
     * Not indexed: {@code starred:true} and {@code tag:X} are answered from the annotations beside the index
     * ({@link dev.rootline.index.annotate.Annotations}) as a filter on {@link #ID}.
     */
    public static final String STARRED = "starred";
    public static final String TAG = "tag";

    public static final String TEXT = "text";
    public static final String EVENT = "event";
    public static final String RAW = "raw";

    /** What unqualified query terms search: the message, every other indexed value, and CloudTrail's ids. */
    static final String[] DEFAULT_FIELDS = {TEXT, MESSAGE, EVENT_ID, REQUEST_ID};

    /** Fields matched exactly and case-insensitively. */
    public static final Set<String> KEYWORDS;

    static {
        Set<String> k = new LinkedHashSet<>(Set.of(ID, SOURCE, KIND, LEVEL, EVENT_NAME, EVENT_SOURCE, ACCOUNT, REGION,
                ACTOR, LOGGER, THREAD, ERROR, TARGET, FILE, EVENT_ID, REQUEST_ID));
        for (ResourceType t : ResourceType.values()) {
            k.add(t.field());
        }
        k.addAll(ATTRIBUTE_KEYWORDS);
        KEYWORDS = Set.copyOf(k);
    }

    private Fields() {
    }

    /** Events from {@code from} (inclusive) to {@code to} (exclusive); either end may be null (open). */
    public static Query timeRange(Instant from, Instant to) {
        long lo = from == null ? Long.MIN_VALUE + 1 : from.toEpochMilli();
        long hi = to == null ? Long.MAX_VALUE : to.toEpochMilli() - 1;
        return LongField.newRangeQuery(TIME, lo, hi);
    }

    /** The events with these ids (none: nothing). */
    public static Query ids(java.util.Collection<String> ids) {
        if (ids.isEmpty()) {
            return new org.apache.lucene.search.MatchNoDocsQuery("no annotated event matches");
        }
        return new org.apache.lucene.search.TermInSetQuery(ID, ids.stream().map(org.apache.lucene.util.BytesRef::new).toList());
    }

    public static Query ipExact(InetAddress address) {
        return InetAddressPoint.newExactQuery(IP, address);
    }

    public static Query ipPrefix(InetAddress network, int prefixLength) {
        return InetAddressPoint.newPrefixQuery(IP, network, prefixLength);
    }
}
