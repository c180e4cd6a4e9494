package io.thingtank.sqs.handler;

import io.thingtank.sqs.engine.Received;
import io.thingtank.sqs.model.Message;
import io.thingtank.sqs.model.MessageAttribute;
import io.thingtank.sqs.model.MessageDigests;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.sqs.model.MessageAttributeValue;

/**
 * Builds the SDK {@code Message} of a ReceiveMessage answer: the requested system attributes
 * (AttributeNames / MessageSystemAttributeNames, "All" for every one) and the requested message
 * attributes ("All", ".*", "prefix.*" or exact names), with the MD5 of those attributes. Stateless.
 */
final class MessageViews {
  private static final List<String> SYSTEM = List.of("SenderId", "SentTimestamp", "ApproximateReceiveCount",
      "ApproximateFirstReceiveTimestamp", "SequenceNumber", "MessageDeduplicationId", "MessageGroupId",
      "AWSTraceHeader", "DeadLetterQueueSourceArn");

  private MessageViews() {}

  static software.amazon.awssdk.services.sqs.model.Message toSdk(Received r, Set<String> systemNames,
      List<String> attributeNames, boolean fifo) {
    Message m = r.message();
    Map<String, String> system = new LinkedHashMap<>();
    boolean all = systemNames.contains("All");
    for (String name : SYSTEM) {
      if (!all && !systemNames.contains(name)) continue;
      String v = switch (name) {
        case "SenderId" -> m.senderId();
        case "SentTimestamp" -> Long.toString(m.sentMillis());
        case "ApproximateReceiveCount" -> Integer.toString(r.delivery().receiveCount());
        case "ApproximateFirstReceiveTimestamp" -> Long.toString(r.delivery().firstReceiveMillis());
        case "SequenceNumber" -> fifo ? m.sequenceNumber() : null;
        case "MessageDeduplicationId" -> fifo ? m.deduplicationId() : null;
        case "MessageGroupId" -> m.groupId();
        case "AWSTraceHeader" -> m.traceHeader() == null ? null : m.traceHeader().stringValue();
        default -> m.deadLetterSourceArn();
      };
      if (v != null) system.put(name, v);
    }
    Map<String, MessageAttribute> selected = select(m.attributes(), attributeNames);
    Map<String, MessageAttributeValue> sdkAttrs = new LinkedHashMap<>();
    selected.forEach((k, a) -> sdkAttrs.put(k, MessageAttributeValue.builder().dataType(a.dataType())
        .stringValue(a.stringValue()).binaryValue(a.binaryValue() == null ? null : SdkBytes.fromByteArray(a.binaryValue()))
        .build()));
    var b = software.amazon.awssdk.services.sqs.model.Message.builder()
        .messageId(m.messageId()).receiptHandle(r.receiptHandle()).md5OfBody(m.md5OfBody()).body(m.body());
    if (!system.isEmpty()) b.attributesWithStrings(system);
    if (!sdkAttrs.isEmpty()) b.messageAttributes(sdkAttrs).md5OfMessageAttributes(MessageDigests.ofAttributes(selected));
    return b.build();
  }

  private static Map<String, MessageAttribute> select(Map<String, MessageAttribute> attrs, List<String> names) {
    Map<String, MessageAttribute> out = new LinkedHashMap<>();
    if (names == null || names.isEmpty() || attrs.isEmpty()) return out;
    for (Map.Entry<String, MessageAttribute> e : attrs.entrySet()) {
      for (String n : names) {
        if (n == null) continue;
        boolean match = n.equals("All") || n.equals(".*") || n.equals(e.getKey())
            || (n.endsWith(".*") && e.getKey().startsWith(n.substring(0, n.length() - 1)));
        if (match) {
          out.put(e.getKey(), e.getValue());
          break;
        }
      }
    }
    return out;
  }
}
