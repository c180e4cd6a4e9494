package io.thingtank.wamp.message;

import io.thingtank.wamp.message.Message.*;
import java.util.List;
import java.util.Map;

/**
 * Turns a decoded array into the {@link Message} a client may send a router, checking the
 * type code, arity and element types (WAMP §6.4, §6.5); anything else is a {@link ProtocolViolation}.
 * Null or missing Arguments/ArgumentsKw are accepted (fox-wamp sends null kwargs). Stateless.
 */
public final class MessageParser {
  /** WAMP §5.1.2: ids are integers in [0, 2^53]. */
  public static final long MAX_ID = 1L << 53;

  private MessageParser() {}

  public static Message parse(List<Object> m) {
    if (m.isEmpty() || !(m.get(0) instanceof Number n) || !isIntegral(n)) {
      throw new ProtocolViolation("message type must be an integer");
    }
    int type = n.intValue();
    return switch (type) {
      case Message.HELLO -> { arity(m, 3, 3); yield new Hello(str(m, 1), dict(m, 2)); }
      case Message.AUTHENTICATE -> { arity(m, 3, 3); yield new Authenticate(str(m, 1), dict(m, 2)); }
      case Message.ABORT -> { arity(m, 3, 3); yield new Abort(dict(m, 1), str(m, 2)); }
      case Message.GOODBYE -> { arity(m, 3, 3); yield new Goodbye(dict(m, 1), str(m, 2)); }
      case Message.ERROR -> {
        arity(m, 5, 7);
        yield new Message.Error((int) id(m, 1), id(m, 2), dict(m, 3), str(m, 4), args(m, 5), kwargs(m, 6));
      }
      case Message.PUBLISH -> { arity(m, 4, 6); yield new Publish(id(m, 1), dict(m, 2), str(m, 3), args(m, 4), kwargs(m, 5)); }
      case Message.SUBSCRIBE -> { arity(m, 4, 4); yield new Subscribe(id(m, 1), dict(m, 2), str(m, 3)); }
      case Message.UNSUBSCRIBE -> { arity(m, 3, 3); yield new Unsubscribe(id(m, 1), id(m, 2)); }
      case Message.CALL -> { arity(m, 4, 6); yield new Call(id(m, 1), dict(m, 2), str(m, 3), args(m, 4), kwargs(m, 5)); }
      case Message.CANCEL -> { arity(m, 3, 3); yield new Cancel(id(m, 1), dict(m, 2)); }
      case Message.REGISTER -> { arity(m, 4, 4); yield new Register(id(m, 1), dict(m, 2), str(m, 3)); }
      case Message.UNREGISTER -> { arity(m, 3, 3); yield new Unregister(id(m, 1), id(m, 2)); }
      case Message.YIELD -> { arity(m, 3, 5); yield new Yield(id(m, 1), dict(m, 2), args(m, 3), kwargs(m, 4)); }
      default -> throw new ProtocolViolation("message type " + type + " is not one a client sends a router");
    };
  }

  private static boolean isIntegral(Number n) {
    return n instanceof Long || n instanceof Integer || n instanceof Short || n instanceof Byte
        || n instanceof java.math.BigInteger;
  }

  private static void arity(List<Object> m, int min, int max) {
    if (m.size() < min || m.size() > max) {
      throw new ProtocolViolation("message type " + m.get(0) + " has " + m.size() + " elements");
    }
  }

  private static long id(List<Object> m, int i) {
    if (!(m.get(i) instanceof Number n) || !isIntegral(n)) throw new ProtocolViolation("element " + i + " must be an id");
    if (n instanceof java.math.BigInteger) throw new ProtocolViolation("id out of range");
    long v = n.longValue();
    if (v < 0 || v > MAX_ID) throw new ProtocolViolation("id out of range");
    return v;
  }

  private static String str(List<Object> m, int i) {
    if (!(m.get(i) instanceof String s)) throw new ProtocolViolation("element " + i + " must be a string");
    return s;
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> dict(List<Object> m, int i) {
    if (!(m.get(i) instanceof Map<?, ?> d)) throw new ProtocolViolation("element " + i + " must be a dict");
    return (Map<String, Object>) d;
  }

  @SuppressWarnings("unchecked")
  private static List<Object> args(List<Object> m, int i) {
    if (m.size() <= i || m.get(i) == null) return List.of();
    if (!(m.get(i) instanceof List<?> l)) throw new ProtocolViolation("Arguments must be a list");
    return (List<Object>) l;
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> kwargs(List<Object> m, int i) {
    if (m.size() <= i || m.get(i) == null) return Map.of();
    if (!(m.get(i) instanceof Map<?, ?> d)) throw new ProtocolViolation("ArgumentsKw must be a dict");
    return (Map<String, Object>) d;
  }
}
