package dev.rootline.ingest.aws;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.rootline.ingest.json.JsonRecordReader;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.core.SdkField;
import software.amazon.awssdk.core.SdkPojo;
import software.amazon.awssdk.core.document.Document;
import software.amazon.awssdk.core.util.SdkAutoConstructList;
import software.amazon.awssdk.core.util.SdkAutoConstructMap;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * An SDK response object as the AWS CLI prints it with {@code --output json}: keys are the API model's member
 * names ({@code NetworkInterfaceId}, {@code TagSet}, {@code resourcesVpcConfig}), which the CLI uses too,
 * so snapshots read exactly like saved CLI output and go through the same parsers. Absent members are left
 * out; times are ISO-8601 instants.
 */
final class SdkJson {
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private SdkJson() {
    }

    static ObjectNode of(SdkPojo pojo) {
        ObjectNode out = NODES.objectNode();
        for (SdkField<?> field : pojo.sdkFields()) {
            JsonNode value = value(field.getValueOrDefault(pojo));
            if (value != null) {
                out.set(field.memberName(), value);
            }
        }
        return out;
    }

    private static JsonNode value(Object v) {
        if (v == null || v instanceof SdkAutoConstructList<?> || v instanceof SdkAutoConstructMap<?, ?>) {
            return null; // the member was absent from the response
        }
        return switch (v) {
            case String s -> NODES.textNode(s);
            case Boolean b -> NODES.booleanNode(b);
            case Integer i -> NODES.numberNode(i);
            case Long l -> NODES.numberNode(l);
            case Short s -> NODES.numberNode(s);
            case Byte b -> NODES.numberNode(b);
            case Float f -> NODES.numberNode(f);
            case Double d -> NODES.numberNode(d);
            case BigDecimal d -> NODES.numberNode(d);
            case Instant t -> NODES.textNode(t.toString());
            case SdkBytes bytes -> NODES.binaryNode(bytes.asByteArray());
            case SdkPojo pojo -> of(pojo);
            case List<?> list -> list(list);
            case Map<?, ?> map -> map(map);
            case Document d -> document(d);
            default -> NODES.textNode(v.toString());
        };
    }

    private static ArrayNode list(List<?> list) {
        ArrayNode out = NODES.arrayNode();
        for (Object item : list) {
            JsonNode j = value(item);
            out.add(j == null ? NODES.nullNode() : j);
        }
        return out;
    }

    private static ObjectNode map(Map<?, ?> map) {
        ObjectNode out = NODES.objectNode();
        map.forEach((k, item) -> {
            JsonNode j = value(item);
            out.set(String.valueOf(k), j == null ? NODES.nullNode() : j);
        });
        return out;
    }

    private static JsonNode document(Document d) {
        try {
            return JsonRecordReader.MAPPER.readTree(d.toString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
