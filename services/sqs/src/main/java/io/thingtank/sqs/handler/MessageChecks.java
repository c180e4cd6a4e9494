package io.thingtank.sqs.handler;

import io.thingtank.sqs.SqsErrors;
import io.thingtank.sqs.engine.Outgoing;
import io.thingtank.sqs.model.MessageAttribute;
import io.thingtank.sqs.model.MessageDigests;
import io.thingtank.sqs.model.Queue;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Pattern;
import software.amazon.awssdk.services.sqs.model.MessageAttributeValue;
import software.amazon.awssdk.services.sqs.model.MessageSystemAttributeValue;

/**
 * The limits of SendMessage (API reference, SendMessage; Developer Guide, "Amazon SQS message
 * quotas"): body characters, delay, message attributes (at most 10, names, types, values), the
 * size limit of body plus attributes, and the FIFO group and deduplication ids. Turns a valid
 * request into an {@link Outgoing}. Stateless.
 */
final class MessageChecks {
  private static final Pattern ATTRIBUTE_NAME = Pattern.compile("[A-Za-z0-9_.-]{1,256}");
  private static final Pattern FIFO_ID = Pattern.compile("[\\p{Alnum}\\p{Punct}]{1,128}");
  private static final String TRACE_HEADER = "AWSTraceHeader";

  private MessageChecks() {}

  /** A checked message, or the first broken rule as an AwsError. */
  static Outgoing outgoing(Queue q, String body, Integer delaySeconds, Map<String, MessageAttributeValue> attributes,
      Map<String, MessageSystemAttributeValue> systemAttributes, String groupId, String deduplicationId,
      String senderId) {
    if (body == null || body.isEmpty()) throw SqsErrors.missingParameter("MessageBody");
    checkCharacters(body);
    if (delaySeconds != null && (delaySeconds < 0 || delaySeconds > 900)) {
      throw SqsErrors.invalidParameter("DelaySeconds", delaySeconds, "DelaySeconds must be >= 0 and <= 900.");
    }
    Map<String, MessageAttribute> attrs = attributes(attributes);
    MessageAttribute trace = traceHeader(systemAttributes);
    long size = body.getBytes(StandardCharsets.UTF_8).length;
    for (Map.Entry<String, MessageAttribute> e : attrs.entrySet()) size += e.getValue().size(e.getKey());
    if (size > q.maximumMessageSize()) {
      throw SqsErrors.invalidParameterValue("One or more parameters are invalid. Reason: Message must be shorter than "
          + q.maximumMessageSize() + " bytes.");
    }
    if (q.fifo()) {
      if (delaySeconds != null && delaySeconds != 0) {
        throw SqsErrors.invalidParameter("DelaySeconds", delaySeconds,
            "The request include parameter that is not valid for this queue type.");
      }
      if (groupId == null) throw SqsErrors.missingParameter("MessageGroupId");
      fifoId("MessageGroupId", groupId);
      if (deduplicationId == null) {
        if (!q.contentBasedDeduplication()) {
          throw SqsErrors.invalidParameterValue("The queue should either have ContentBasedDeduplication enabled or"
              + " MessageDeduplicationId provided explicitly");
        }
        deduplicationId = sha256(body);
      }
      fifoId("MessageDeduplicationId", deduplicationId);
    } else {
      if (deduplicationId != null) {
        throw SqsErrors.invalidParameter("MessageDeduplicationId", deduplicationId,
            "The request include parameter that is not valid for this queue type");
      }
      if (groupId != null) fifoId("MessageGroupId", groupId);
    }
    return new Outgoing(body, MessageDigests.ofBody(body), attrs, trace, delaySeconds, groupId, deduplicationId,
        senderId);
  }

  /** Bytes the message counts towards a batch's total size. */
  static long size(String body, Map<String, MessageAttributeValue> attributes) {
    long size = body == null ? 0 : body.getBytes(StandardCharsets.UTF_8).length;
    if (attributes != null) {
      for (Map.Entry<String, MessageAttributeValue> e : attributes.entrySet()) {
        MessageAttributeValue v = e.getValue();
        if (e.getKey() == null || v == null) continue;
        size += e.getKey().length() + (v.dataType() == null ? 0 : v.dataType().length())
            + (v.binaryValue() != null ? v.binaryValue().asByteArrayUnsafe().length
                : v.stringValue() == null ? 0 : v.stringValue().getBytes(StandardCharsets.UTF_8).length);
      }
    }
    return size;
  }

  static Map<String, MessageAttribute> attributes(Map<String, MessageAttributeValue> given) {
    Map<String, MessageAttribute> out = new LinkedHashMap<>();
    if (given == null || given.isEmpty()) return out;
    if (given.size() > 10) {
      throw SqsErrors.invalidParameterValue("Number of message attributes [" + given.size()
          + "] exceeds the allowed maximum [10].");
    }
    for (Map.Entry<String, MessageAttributeValue> e : given.entrySet()) {
      String name = e.getKey() == null ? "" : e.getKey();
      if (!ATTRIBUTE_NAME.matcher(name).matches() || name.startsWith(".") || name.endsWith(".") || name.contains("..")
          || name.regionMatches(true, 0, "AWS.", 0, 4) || name.regionMatches(true, 0, "Amazon.", 0, 7)) {
        throw SqsErrors.invalidParameterValue("Message attribute name '" + name + "' is invalid.");
      }
      if (e.getValue() == null) {
        throw SqsErrors.invalidParameterValue("The message attribute '" + name + "' must contain a non-empty value.");
      }
      out.put(name, attribute("message attribute '" + name + "'", e.getValue().dataType(), e.getValue().stringValue(),
          e.getValue().binaryValue() == null ? null : e.getValue().binaryValue().asByteArray()));
    }
    return out;
  }

  private static MessageAttribute traceHeader(Map<String, MessageSystemAttributeValue> given) {
    if (given == null || given.isEmpty()) return null;
    MessageAttribute trace = null;
    for (Map.Entry<String, MessageSystemAttributeValue> e : given.entrySet()) {
      if (!TRACE_HEADER.equals(e.getKey())) {
        throw SqsErrors.invalidParameterValue("Message system attribute name '" + e.getKey() + "' is invalid.");
      }
      MessageSystemAttributeValue v = e.getValue();
      if (v == null || !"String".equals(v.dataType())) {
        throw SqsErrors.invalidParameterValue("The message system attribute AWSTraceHeader must be of type String.");
      }
      trace = attribute("message system attribute 'AWSTraceHeader'", v.dataType(), v.stringValue(), null);
    }
    return trace;
  }

  private static MessageAttribute attribute(String what, String type, String string, byte[] binary) {
    if (type == null || type.isEmpty()) {
      throw SqsErrors.invalidParameterValue("The " + what + " must contain a non-empty attribute type.");
    }
    if (type.length() > 256 || !(type.startsWith("String") || type.startsWith("Number") || type.startsWith("Binary"))) {
      throw SqsErrors.invalidParameterValue("The type of " + what + " is invalid. You must use only the following"
          + " supported type prefixes: Binary, Number, String.");
    }
    if (type.startsWith("Binary")) {
      if (binary == null || binary.length == 0) {
        throw SqsErrors.invalidParameterValue("The " + what + " must contain a non-empty binary value.");
      }
      return new MessageAttribute(type, null, binary);
    }
    if (string == null || string.isEmpty()) {
      throw SqsErrors.invalidParameterValue("The " + what + " must contain a non-empty value of type " + type + ".");
    }
    if (type.startsWith("Number")) {
      try {
        new java.math.BigDecimal(string.trim());
      } catch (NumberFormatException ex) {
        throw SqsErrors.invalidParameterValue("Can't cast the value of " + what + " to a number.");
      }
    }
    checkCharacters(string);
    return new MessageAttribute(type, string, null);
  }

  /** Developer Guide: #x9 | #xA | #xD | #x20 to #xD7FF | #xE000 to #xFFFD | #x10000 to #x10FFFF. */
  private static void checkCharacters(String s) {
    for (int i = 0; i < s.length(); ) {
      int c = s.codePointAt(i);
      boolean ok = c == 0x9 || c == 0xA || c == 0xD || (c >= 0x20 && c <= 0xD7FF) || (c >= 0xE000 && c <= 0xFFFD)
          || (c >= 0x10000 && c <= 0x10FFFF);
      if (!ok) {
        throw SqsErrors.invalidMessageContents("Invalid binary character '#x" + Integer.toHexString(c).toUpperCase()
            + "' was found in the message body, the set of allowed characters is #x9 | #xA | #xD | #x20 to #xD7FF"
            + " | #xE000 to #xFFFD | #x10000 to #x10FFFF");
      }
      i += Character.charCount(c);
    }
  }

  private static void fifoId(String parameter, String value) {
    if (!FIFO_ID.matcher(value).matches()) {
      throw SqsErrors.invalidParameter(parameter, value, parameter + " can only include alphanumeric and punctuation"
          + " characters. 1 to 128 in length.");
    }
  }

  static String sha256(String body) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(body.getBytes(StandardCharsets.UTF_8)));
    } catch (java.security.NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
