package dev.rootline.ingest.vpcflow;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import dev.rootline.ingest.json.JsonRecordReader;

import java.io.IOException;

/**
 * The flow line inside a JSON line that forwarded it: {@code {"message":"2 123456789010 eni-…"}} as Firehose and
 * CloudWatch Logs subscriptions write it, whatever else the object holds ({@code id}, {@code timestamp},
 * {@code extractedFields}). Only the top-level {@code message} counts; the rest is skipped unread.
 */
final class MessageField {
    private MessageField() {
    }

    /** The top-level string {@code message}, or null when the line is no JSON object or has none. */
    static String of(String jsonLine) {
        try (JsonParser p = JsonRecordReader.MAPPER.getFactory().createParser(jsonLine)) {
            if (p.nextToken() != JsonToken.START_OBJECT) {
                return null;
            }
            for (JsonToken t = p.nextToken(); t == JsonToken.FIELD_NAME; t = p.nextToken()) {
                String name = p.currentName();
                JsonToken value = p.nextToken();
                if ("message".equals(name) && value == JsonToken.VALUE_STRING) {
                    return p.getText();
                }
                p.skipChildren();
            }
            return null;
        } catch (IOException e) {
            return null; // not JSON after all: the caller rejects the line
        }
    }
}
