package io.thingtank.aws.protocol;

import io.thingtank.aws.AwsErrors;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.Base64;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.core.SdkField;
import software.amazon.awssdk.core.protocol.MarshallingKnownType;
import software.amazon.awssdk.core.traits.TimestampFormatTrait.Format;

/**
 * Scalar values as text, the way query strings, headers and XML carry them: numbers in plain
 * decimal, booleans {@code true}/{@code false}, blobs base64, timestamps per format. Bad text is a
 * client error ({@code SerializationException}). Pure functions.
 */
final class Scalars {
  private Scalars() {}

  static boolean isScalar(SdkField<?> field) {
    return switch (field.marshallingType().getKnownType()) {
      case SDK_POJO, LIST, MAP, DOCUMENT -> false;
      default -> true;
    };
  }

  /** Parses the text of a scalar field; {@code timeDefault} applies when the field has no format trait. */
  static Object parse(SdkField<?> field, String text, Format timeDefault) {
    MarshallingKnownType type = field.marshallingType().getKnownType();
    try {
      return switch (type) {
        case STRING -> text;
        case INTEGER -> Integer.valueOf(text.trim());
        case LONG -> Long.valueOf(text.trim());
        case SHORT -> Short.valueOf(text.trim());
        case BYTE -> Byte.valueOf(text.trim());
        case FLOAT -> Float.valueOf(text.trim());
        case DOUBLE -> Double.valueOf(text.trim());
        case BIG_DECIMAL -> new BigDecimal(text.trim());
        case BOOLEAN -> parseBoolean(text.trim());
        case INSTANT -> Timestamps.parse(text.trim(), Timestamps.formatOf(field, timeDefault));
        case SDK_BYTES -> SdkBytes.fromByteArrayUnsafe(Base64.getMimeDecoder().decode(text));
        default -> throw AwsErrors.serialization("Unexpected text for " + field.memberName());
      };
    } catch (NumberFormatException e) {
      throw AwsErrors.serialization("Invalid " + type + " value for " + field.memberName() + ": '" + text + "'");
    } catch (IllegalArgumentException e) {
      throw AwsErrors.serialization("Invalid base64 value for " + field.memberName());
    }
  }

  /** Renders a scalar value as text. */
  static String format(SdkField<?> field, Object value, Format timeDefault) {
    if (value instanceof Instant t) return Timestamps.format(t, Timestamps.formatOf(field, timeDefault));
    if (value instanceof SdkBytes b) return Base64.getEncoder().encodeToString(b.asByteArrayUnsafe());
    if (value instanceof BigDecimal d) return d.toPlainString();
    if (value instanceof Float f) return floatText(f.doubleValue(), Float.toString(f));
    if (value instanceof Double d) return floatText(d, Double.toString(d));
    return value.toString();
  }

  private static String floatText(double d, String plain) {
    if (Double.isNaN(d)) return "NaN";
    if (Double.isInfinite(d)) return d > 0 ? "Infinity" : "-Infinity";
    return plain;
  }

  private static Boolean parseBoolean(String text) {
    if (text.equalsIgnoreCase("true")) return Boolean.TRUE;
    if (text.equalsIgnoreCase("false")) return Boolean.FALSE;
    throw AwsErrors.serialization("Invalid boolean '" + text + "'");
  }
}
