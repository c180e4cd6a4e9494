package io.thingtank.aws.protocol;

import com.fasterxml.jackson.databind.JsonNode;
import io.thingtank.aws.AwsErrors;
import java.io.IOException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.core.SdkField;
import software.amazon.awssdk.core.SdkPojo;
import software.amazon.awssdk.core.document.Document;
import software.amazon.awssdk.core.protocol.MarshallLocation;
import software.amazon.awssdk.core.traits.TimestampFormatTrait.Format;

/**
 * Fills SDK model builders from a Jackson tree, read from JSON or CBOR alike (awsJson 1.0/1.1,
 * Kinesis CBOR, rpc-v2-cbor). Members by {@code locationName}; numeric timestamps in
 * {@code numericTime} units (epoch seconds, or millis for Kinesis CBOR); blobs as base64 text
 * or CBOR byte strings. A value of the wrong JSON type is a {@code SerializationException}.
 * Stateless and thread-safe.
 */
final class JsonShapeReader {
  private final Format numericTime;

  JsonShapeReader(Format numericTime) { this.numericTime = numericTime; }

  /** Fills {@code builder} from a JSON object and returns it. */
  SdkPojo readStruct(SdkPojo builder, JsonNode node) {
    if (!node.isObject()) throw AwsErrors.serialization("Expected an object");
    for (SdkField<?> f : builder.sdkFields()) {
      if (f.location() != MarshallLocation.PAYLOAD) continue;
      JsonNode member = node.get(f.locationName());
      if (member == null || member.isNull()) continue;
      Pojos.set(f, builder, value(f, member));
    }
    return builder;
  }

  private Object value(SdkField<?> f, JsonNode n) {
    return switch (f.marshallingType().getKnownType()) {
      case STRING -> text(f, n);
      case INTEGER -> (int) integral(f, n, Integer.MIN_VALUE, Integer.MAX_VALUE);
      case LONG -> integral(f, n, Long.MIN_VALUE, Long.MAX_VALUE);
      case SHORT -> (short) integral(f, n, Short.MIN_VALUE, Short.MAX_VALUE);
      case BYTE -> (byte) integral(f, n, Byte.MIN_VALUE, Byte.MAX_VALUE);
      case FLOAT -> (float) floating(f, n);
      case DOUBLE -> floating(f, n);
      case BIG_DECIMAL -> n.isNumber() ? n.decimalValue() : (BigDecimal) Scalars.parse(f, text(f, n), numericTime);
      case BOOLEAN -> {
        if (!n.isBoolean()) throw mismatch(f, "boolean");
        yield n.booleanValue();
      }
      case INSTANT -> instant(f, n);
      case SDK_BYTES -> bytes(f, n);
      case SDK_POJO -> Pojos.build(readStruct(f.constructor().get(), n));
      case LIST -> list(f, n);
      case MAP -> map(f, n);
      case DOCUMENT -> document(n);
      default -> throw AwsErrors.serialization("Unsupported member " + f.memberName());
    };
  }

  private static String text(SdkField<?> f, JsonNode n) {
    if (!n.isTextual()) throw mismatch(f, "string");
    return n.textValue();
  }

  private static long integral(SdkField<?> f, JsonNode n, long min, long max) {
    if (!n.isIntegralNumber() || !n.canConvertToLong()) throw mismatch(f, "integer");
    long v = n.longValue();
    if (v < min || v > max) throw AwsErrors.serialization("Value out of range for " + f.memberName());
    return v;
  }

  private static double floating(SdkField<?> f, JsonNode n) {
    if (n.isNumber()) return n.doubleValue();
    if (n.isTextual()) {
      switch (n.textValue()) {
        case "NaN": return Double.NaN;
        case "Infinity": return Double.POSITIVE_INFINITY;
        case "-Infinity": return Double.NEGATIVE_INFINITY;
        default: break;
      }
    }
    throw mismatch(f, "number");
  }

  private Object instant(SdkField<?> f, JsonNode n) {
    Format format = Timestamps.formatOf(f, numericTime);
    if (n.isNumber()) {
      return format == Format.UNIX_TIMESTAMP_MILLIS && n.isIntegralNumber() && n.canConvertToLong()
          ? Timestamps.fromEpochMillis(n.longValue())
          : Timestamps.fromEpochSeconds(format == Format.UNIX_TIMESTAMP_MILLIS
              ? n.decimalValue().movePointLeft(3) : n.decimalValue());
    }
    if (!n.isTextual()) throw mismatch(f, "timestamp");
    return Timestamps.parse(n.textValue(), format == numericTime ? Format.ISO_8601 : format);
  }

  private static SdkBytes bytes(SdkField<?> f, JsonNode n) {
    try {
      if (n.isBinary()) return SdkBytes.fromByteArrayUnsafe(n.binaryValue());
      if (n.isTextual()) return SdkBytes.fromByteArrayUnsafe(Base64.getMimeDecoder().decode(n.textValue()));
    } catch (IOException | IllegalArgumentException e) {
      throw AwsErrors.serialization("Invalid base64 value for " + f.memberName());
    }
    throw mismatch(f, "blob");
  }

  private List<Object> list(SdkField<?> f, JsonNode n) {
    if (!n.isArray()) throw mismatch(f, "list");
    SdkField<?> member = Pojos.listMember(f);
    List<Object> out = new ArrayList<>(n.size());
    for (JsonNode e : n) out.add(e.isNull() ? null : value(member, e));
    return out;
  }

  private Map<String, Object> map(SdkField<?> f, JsonNode n) {
    if (!n.isObject()) throw mismatch(f, "map");
    SdkField<?> valueField = Pojos.mapValue(f);
    Map<String, Object> out = new LinkedHashMap<>();
    for (Iterator<Map.Entry<String, JsonNode>> it = n.fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> e = it.next();
      out.put(e.getKey(), e.getValue().isNull() ? null : value(valueField, e.getValue()));
    }
    return out;
  }

  private static Document document(JsonNode n) {
    if (n.isNull()) return Document.fromNull();
    if (n.isBoolean()) return Document.fromBoolean(n.booleanValue());
    if (n.isNumber()) return Document.fromNumber(n.decimalValue());
    if (n.isTextual()) return Document.fromString(n.textValue());
    if (n.isArray()) {
      List<Document> items = new ArrayList<>(n.size());
      for (JsonNode e : n) items.add(document(e));
      return Document.fromList(items);
    }
    if (n.isObject()) {
      Map<String, Document> members = new LinkedHashMap<>();
      n.fields().forEachRemaining(e -> members.put(e.getKey(), document(e.getValue())));
      return Document.fromMap(members);
    }
    throw AwsErrors.serialization("Unsupported document value");
  }

  private static RuntimeException mismatch(SdkField<?> f, String expected) {
    return AwsErrors.serialization("Expected a " + expected + " for " + f.locationName());
  }
}
