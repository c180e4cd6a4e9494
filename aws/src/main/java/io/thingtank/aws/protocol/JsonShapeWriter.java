package io.thingtank.aws.protocol;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.dataformat.cbor.CBORGenerator;
import java.io.IOException;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.core.SdkField;
import software.amazon.awssdk.core.SdkPojo;
import software.amazon.awssdk.core.document.Document;
import software.amazon.awssdk.core.protocol.MarshallLocation;
import software.amazon.awssdk.core.traits.TimestampFormatTrait.Format;

/**
 * Writes SDK model objects to a Jackson generator (JSON or CBOR). Members by
 * {@code unmarshallLocationName}; unset members are left out. Numeric timestamps: JSON writes
 * epoch seconds as a plain decimal; CBOR writes tag 1 (RFC 8949 §3.4.2) with epoch seconds as a
 * double, or epoch millis when {@code numericTime} says so (the SDK's Kinesis CBOR).
 * Stateless and thread-safe.
 */
final class JsonShapeWriter {
  private final Format numericTime;

  JsonShapeWriter(Format numericTime) { this.numericTime = numericTime; }

  void writeStruct(JsonGenerator g, Object pojo) throws IOException {
    g.writeStartObject();
    for (SdkField<?> f : ((SdkPojo) pojo).sdkFields()) {
      if (f.location() != MarshallLocation.PAYLOAD) continue;
      Object v = Pojos.value(f, pojo);
      if (v == null) continue;
      g.writeFieldName(f.unmarshallLocationName());
      writeValue(g, f, v);
    }
    g.writeEndObject();
  }

  private void writeValue(JsonGenerator g, SdkField<?> f, Object v) throws IOException {
    switch (f.marshallingType().getKnownType()) {
      case STRING -> g.writeString((String) v);
      case INTEGER, LONG, SHORT, BYTE -> g.writeNumber(((Number) v).longValue());
      case FLOAT, DOUBLE -> writeFloating(g, ((Number) v).doubleValue());
      case BIG_DECIMAL -> g.writeNumber((BigDecimal) v);
      case BOOLEAN -> g.writeBoolean((Boolean) v);
      case INSTANT -> writeInstant(g, f, (Instant) v);
      case SDK_BYTES -> g.writeBinary(((SdkBytes) v).asByteArrayUnsafe());
      case SDK_POJO -> writeStruct(g, v);
      case LIST -> {
        SdkField<?> member = Pojos.listMember(f);
        g.writeStartArray();
        for (Object e : (List<?>) v) {
          if (e == null) g.writeNull(); else writeValue(g, member, e);
        }
        g.writeEndArray();
      }
      case MAP -> {
        SdkField<?> valueField = Pojos.mapValue(f);
        g.writeStartObject();
        for (Map.Entry<?, ?> e : ((Map<?, ?>) v).entrySet()) {
          g.writeFieldName(String.valueOf(e.getKey()));
          if (e.getValue() == null) g.writeNull(); else writeValue(g, valueField, e.getValue());
        }
        g.writeEndObject();
      }
      case DOCUMENT -> writeDocument(g, (Document) v);
      default -> g.writeNull();
    }
  }

  /** Smithy JSON: NaN and infinities travel as strings. */
  private static void writeFloating(JsonGenerator g, double d) throws IOException {
    if (g instanceof CBORGenerator || !(Double.isNaN(d) || Double.isInfinite(d))) {
      g.writeNumber(d);
    } else {
      g.writeString(Double.isNaN(d) ? "NaN" : d > 0 ? "Infinity" : "-Infinity");
    }
  }

  private void writeInstant(JsonGenerator g, SdkField<?> f, Instant t) throws IOException {
    Format format = Timestamps.formatOf(f, numericTime);
    if (format == Format.ISO_8601 || format == Format.RFC_822) {
      g.writeString(Timestamps.format(t, format));
      return;
    }
    if (g instanceof CBORGenerator cbor) {
      cbor.writeTag(1);
      if (format == Format.UNIX_TIMESTAMP_MILLIS) cbor.writeNumber(t.toEpochMilli());
      else cbor.writeNumber(t.toEpochMilli() / 1000.0);
    } else if (format == Format.UNIX_TIMESTAMP_MILLIS) {
      g.writeNumber(t.toEpochMilli());
    } else {
      g.writeNumber(Timestamps.epochSeconds(t));
    }
  }

  private static void writeDocument(JsonGenerator g, Document d) throws IOException {
    if (d.isNull()) g.writeNull();
    else if (d.isBoolean()) g.writeBoolean(d.asBoolean());
    else if (d.isNumber()) g.writeNumber(d.asNumber().bigDecimalValue());
    else if (d.isString()) g.writeString(d.asString());
    else if (d.isList()) {
      g.writeStartArray();
      for (Document e : d.asList()) writeDocument(g, e);
      g.writeEndArray();
    } else {
      g.writeStartObject();
      for (Map.Entry<String, Document> e : d.asMap().entrySet()) {
        g.writeFieldName(e.getKey());
        writeDocument(g, e.getValue());
      }
      g.writeEndObject();
    }
  }
}
