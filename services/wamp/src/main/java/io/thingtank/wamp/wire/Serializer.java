package io.thingtank.wamp.wire;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.ser.std.StdSerializer;
import com.fasterxml.jackson.dataformat.cbor.databind.CBORMapper;
import java.io.IOException;
import java.util.Base64;
import java.util.List;
import org.msgpack.jackson.dataformat.MessagePackFactory;

/**
 * The three WAMP serializers (WAMP §5.2; CBOR as in later drafts): JSON, MessagePack and CBOR, each a
 * Jackson mapper between wire bytes and a message as a {@code List<Object>} of maps, lists,
 * strings, numbers, booleans, nulls and {@code byte[]}. JSON keeps the payload of incoming
 * messages as bytes and splices it into outgoing ones ({@link JsonPassthrough}). Thread-safe.
 */
public enum Serializer {
  JSON(1, "json", jsonMapper()),
  MSGPACK(2, "msgpack", new ObjectMapper(new MessagePackFactory())),
  CBOR(3, "cbor", new CBORMapper());

  private final int rawSocketId;
  private final String name;
  private final ObjectMapper mapper;

  Serializer(int rawSocketId, String name, ObjectMapper mapper) {
    this.rawSocketId = rawSocketId;
    this.name = name;
    this.mapper = mapper.enable(DeserializationFeature.USE_LONG_FOR_INTS);
  }

  /** RawSocket serializer id (WAMP §14.5.3: 1 JSON, 2 MessagePack, 3 CBOR). */
  public int rawSocketId() { return rawSocketId; }

  public String shortName() { return name; }

  /** True when WebSocket frames carry text (JSON) rather than binary. */
  public boolean text() { return this == JSON; }

  public static Serializer byRawSocketId(int id) {
    for (Serializer s : values()) if (s.rawSocketId == id) return s;
    return null;
  }

  /** Decodes one message; throws {@link MalformedMessageException} unless it is an array. */
  public List<Object> decode(byte[] bytes, int offset, int length) {
    Object v;
    try {
      if (this == JSON) return JsonPassthrough.decode(mapper, bytes, offset, length);
      v = mapper.readValue(bytes, offset, length, Object.class);
    } catch (MalformedMessageException e) {
      throw e;
    } catch (IOException | RuntimeException e) {
      throw new MalformedMessageException("cannot decode " + name + ": " + e.getMessage());
    }
    if (!(v instanceof List<?> list)) throw new MalformedMessageException("message is not an array");
    @SuppressWarnings("unchecked") List<Object> msg = (List<Object>) list;
    return msg;
  }

  /** Decodes one value of {@code type} (a payload kept as bytes and read later). */
  @SuppressWarnings("unchecked")
  <T> T decodeValue(byte[] bytes, int offset, int length, Class<? super T> type) {
    try {
      Object v = mapper.readValue(bytes, offset, length, type);
      return (T) (this == JSON ? JsonBinary.decodeStrings(v) : v);
    } catch (IOException e) {
      throw new MalformedMessageException("cannot decode " + name + ": " + e.getMessage());
    }
  }

  public List<Object> decode(byte[] bytes) { return decode(bytes, 0, bytes.length); }

  public byte[] encode(List<Object> message) {
    try {
      return this == JSON ? JsonPassthrough.encode(mapper, message) : mapper.writeValueAsBytes(message);
    } catch (IOException e) {
      throw new MalformedMessageException("cannot encode " + name + ": " + e.getMessage());
    }
  }

  /** WAMP §5.2.1: binary in JSON is a string of {@code \0} followed by Base64 of the bytes. */
  private static ObjectMapper jsonMapper() {
    SimpleModule binary = new SimpleModule().addSerializer(byte[].class, new StdSerializer<>(byte[].class) {
      @Override
      public void serialize(byte[] value, JsonGenerator gen, SerializerProvider p) throws IOException {
        gen.writeString("\u0000" + Base64.getEncoder().encodeToString(value));
      }
    });
    return new ObjectMapper().registerModule(binary);
  }
}
