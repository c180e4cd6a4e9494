package io.thingtank.aws.protocol;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.cbor.CBORFactory;
import io.thingtank.aws.AwsError;
import io.thingtank.aws.AwsErrors;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;

/**
 * JSON or CBOR bodies as Jackson trees: parsing (an empty body is {@code {}}) and writing model
 * objects and error shapes. Thread-safe (Jackson factories are).
 */
final class JsonBodies {
  static final JsonBodies JSON = new JsonBodies(new JsonFactory()
      .enable(JsonGenerator.Feature.WRITE_BIGDECIMAL_AS_PLAIN));
  static final JsonBodies CBOR = new JsonBodies(new CBORFactory());

  private final ObjectMapper mapper;

  private JsonBodies(JsonFactory factory) {
    this.mapper = new ObjectMapper(factory).enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);
  }

  JsonNode parse(byte[] body) {
    if (body == null || body.length == 0) return mapper.createObjectNode();
    try {
      JsonNode node = mapper.readTree(body);
      return node == null || node.isMissingNode() ? mapper.createObjectNode() : node;
    } catch (IOException e) {
      throw AwsErrors.serialization("Malformed request body: " + originalMessage(e));
    }
  }

  private static String originalMessage(IOException e) {
    return e instanceof com.fasterxml.jackson.core.JsonProcessingException j ? j.getOriginalMessage() : e.getMessage();
  }

  byte[] write(JsonShapeWriter writer, Object pojo) {
    ByteArrayOutputStream out = new ByteArrayOutputStream(256);
    try (JsonGenerator g = mapper.getFactory().createGenerator(out)) {
      writer.writeStruct(g, pojo);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toByteArray();
  }

  /** {@code {"__type": code, "message": message}}: the error shape of awsJson and rpc-v2-cbor. */
  byte[] writeError(AwsError error) {
    ByteArrayOutputStream out = new ByteArrayOutputStream(128);
    try (JsonGenerator g = mapper.getFactory().createGenerator(out)) {
      g.writeStartObject();
      g.writeStringField("__type", error.code());
      if (error.getMessage() != null) g.writeStringField("message", error.getMessage());
      g.writeEndObject();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toByteArray();
  }
}
