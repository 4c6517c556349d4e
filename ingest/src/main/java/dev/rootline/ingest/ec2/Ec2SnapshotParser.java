package dev.rootline.ingest.ec2;

import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import dev.rootline.ingest.SnapshotTime;
import dev.rootline.ingest.EventParser;
import dev.rootline.ingest.InputFile;
import dev.rootline.ingest.ParseContext;
import dev.rootline.ingest.json.JsonRecordReader;

import java.io.CharConversionException;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * EC2 network snapshots: {@code aws ec2 describe-network-interfaces | describe-subnets | describe-route-tables
 * | describe-vpc-peering-connections | describe-security-groups | describe-network-acls | describe-vpcs
 * --output json}, and {@code create-*} output such as {@code {"NetworkInterface":{…}}}. Each item becomes one
 * event at the snapshot time (see {@link SnapshotTime}).
 *
 * <p>Items are streamed, so a describe of a large account costs memory for one item at a time. The file is
 * read twice: {@code ObservedAt} may come after the list it dates.
 */
public final class Ec2SnapshotParser implements EventParser {
    private static final String KEYS = Arrays.stream(Ec2Kind.values()).map(k -> k.listKey + "|" + k.awsName)
            .collect(Collectors.joining("|"));
    private static final Pattern FIRST_KEY = Pattern.compile(
            "^\\{\\s*(?:\"[Oo]bservedAt\"\\s*:\\s*\"[^\"]*\"\\s*,\\s*)?\"(" + KEYS + ")\"\\s*:\\s*([\\[{])");

    @Override
    public String name() {
        return "ec2";
    }

    @Override
    public int sniff(InputFile file) {
        Matcher m = FIRST_KEY.matcher(start(file));
        if (!m.find()) {
            return 0;
        }
        // describe-* lists ("Subnets": [), create-* returns one object ("Subnet": {)
        boolean listKey = Ec2Kind.byListKey(m.group(1)) != null;
        boolean array = m.group(2).equals("[");
        return listKey == array ? 90 : 0;
    }

    @Override
    public void parse(InputFile file, ParseContext ctx) throws IOException {
        String start = start(file);
        if (start.isEmpty()) {
            return;
        }
        if (start.charAt(0) != '{') {
            ctx.reject(0, -1, "not EC2 describe output: expected a JSON object such as {\"Subnets\":[…]}");
            return;
        }
        Reading reading = new Reading(file, ctx, observedAtPerDocument(file));
        try (InputStream in = file.open(); JsonParser p = JsonRecordReader.MAPPER.getFactory().createParser(in)) {
            reading.documents(p);
        } catch (JsonProcessingException e) {
            ctx.reject(reading.current, -1, "malformed JSON: " + e.getOriginalMessage() + " (at byte "
                    + JsonRecordReader.offset(e.getLocation(), 0) + "); the rest of this file was not ingested");
        } catch (CharConversionException e) {
            // Jackson's UTF-32 decoder, on bytes that only looked like UTF-32
            ctx.reject(reading.current, -1, "malformed JSON: " + e.getMessage() + "; the rest of this file was not ingested");
        }
    }

    /** One streaming pass; {@code current} is where the record being read began, for reporting a syntax error. */
    private static final class Reading {
        private final InputFile file;
        private final ParseContext ctx;
        private final List<String> observedAt;
        private final Ec2Events mapper;
        long current;

        Reading(InputFile file, ParseContext ctx, List<String> observedAt) {
            this.file = file;
            this.ctx = ctx;
            this.observedAt = observedAt;
            this.mapper = new Ec2Events(ctx);
        }

        void documents(JsonParser p) throws IOException {
            JsonToken t;
            for (int document = 0; (t = p.nextToken()) != null; document++) {
                current = offset(p);
                if (t == JsonToken.START_OBJECT) {
                    document(p, document < observedAt.size() ? observedAt.get(document) : null);
                } else {
                    p.skipChildren();
                    ctx.reject(current, -1, "not EC2 describe output: expected a JSON object, found " + t);
                }
            }
        }

        private void document(JsonParser p, String documentObservedAt) throws IOException {
            long start = current;
            SnapshotTime at = null;
            boolean found = false;
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String key = p.currentName();
                JsonToken value = p.nextToken();
                Ec2Kind list = Ec2Kind.byListKey(key);
                Ec2Kind single = Ec2Kind.byName(key);
                boolean ours = (list != null && value == JsonToken.START_ARRAY)
                        || (single != null && value == JsonToken.START_OBJECT);
                if (!ours) {
                    p.skipChildren(); // NextToken, ObservedAt, or a key for resources rootline does not model
                    continue;
                }
                found = true;
                if (at == null) {
                    at = SnapshotTime.of(documentObservedAt, file, ctx, start);
                }
                if (list == null) {
                    current = offset(p);
                    mapper.map(single, JsonRecordReader.MAPPER.readTree(p), current, at);
                    continue;
                }
                JsonToken t;
                while ((t = p.nextToken()) != JsonToken.END_ARRAY) {
                    if (t == null) {
                        throw new JsonParseException(p, "unexpected end of input inside " + key);
                    }
                    current = offset(p);
                    mapper.map(list, JsonRecordReader.MAPPER.readTree(p), current, at);
                }
            }
            if (!found) {
                ctx.reject(start, -1, "not EC2 describe output: no "
                        + Arrays.stream(Ec2Kind.values()).map(k -> k.listKey).collect(Collectors.joining(", "))
                        + " list");
            }
        }
    }

    /**
     * The {@code ObservedAt} of each top-level document, in order (null where absent). Stops quietly at a
     * syntax error, which the main pass reports.
     */
    private static List<String> observedAtPerDocument(InputFile file) throws IOException {
        List<String> out = new ArrayList<>();
        try (InputStream in = file.open(); JsonParser p = JsonRecordReader.MAPPER.getFactory().createParser(in)) {
            JsonToken t;
            while ((t = p.nextToken()) != null) {
                String value = null;
                if (t == JsonToken.START_OBJECT) {
                    while (p.nextToken() == JsonToken.FIELD_NAME) {
                        String key = p.currentName();
                        JsonToken v = p.nextToken();
                        if ((key.equals("ObservedAt") || key.equals("observedAt")) && v == JsonToken.VALUE_STRING) {
                            value = p.getText();
                        } else {
                            p.skipChildren();
                        }
                    }
                } else {
                    p.skipChildren();
                }
                out.add(value);
            }
        } catch (JsonProcessingException | CharConversionException e) {
            // reported, with its offset, by the main pass
        }
        return out;
    }

    /** The head without a byte-order mark or leading white space. */
    private static String start(InputFile file) {
        String head = file.headText();
        return (head.startsWith("\uFEFF") ? head.substring(1) : head).stripLeading();
    }

    private static long offset(JsonParser p) {
        return JsonRecordReader.offset(p.currentTokenLocation(), 0);
    }
}
