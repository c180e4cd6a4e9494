package io.thingtank.s3.notify;

import io.thingtank.s3.S3Errors;
import io.thingtank.s3.model.NotificationConfig;
import io.thingtank.s3.model.QueueNotification;
import io.thingtank.s3.wire.XmlIn;
import io.thingtank.s3.wire.XmlOut;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

/**
 * The NotificationConfiguration document (S3 API Reference, PutBucketNotificationConfiguration):
 * QueueConfiguration with Id, Queue, Event and Filter/S3Key/FilterRule (prefix, suffix), and
 * EventBridgeConfiguration. Parsing checks event names and filter rules; destinations are checked
 * by the handler. Stateless.
 */
public final class NotificationXml {
  private NotificationXml() {}

  /** Topic and Lambda destinations, which cannot exist in this process; S3 cannot validate them. */
  public record Parsed(NotificationConfig config, List<String> otherDestinations) {}

  public static Parsed parse(byte[] body) {
    XmlIn doc = XmlIn.parse(body, "NotificationConfiguration");
    List<QueueNotification> queues = new ArrayList<>();
    for (XmlIn q : doc.children("QueueConfiguration")) {
      String arn = q.text("Queue");
      if (arn == null || arn.isBlank()) throw S3Errors.malformedXml();
      List<String> events = new ArrayList<>();
      for (XmlIn e : q.children("Event")) {
        String event = e.text().trim();
        NotificationRules.checkEvent(event);
        if (!events.contains(event)) events.add(event);
      }
      if (events.isEmpty()) throw S3Errors.malformedXml();
      String[] affixes = filter(q.child("Filter"));
      String id = q.text("Id");
      queues.add(new QueueNotification(id == null || id.isBlank() ? newId() : id.trim(), arn.trim(), List.copyOf(events),
          affixes[0], affixes[1]));
    }
    List<String> others = new ArrayList<>();
    for (XmlIn t : doc.children("TopicConfiguration")) others.add(t.text("Topic"));
    for (XmlIn l : doc.children("CloudFunctionConfiguration")) others.add(l.text("CloudFunction"));
    NotificationRules.checkOverlaps(queues);
    return new Parsed(new NotificationConfig(List.copyOf(queues), doc.child("EventBridgeConfiguration") != null), others);
  }

  /** [prefix, suffix], null where absent; one rule of each name at most. */
  private static String[] filter(XmlIn filter) {
    String[] out = new String[2];
    XmlIn key = filter == null ? null : filter.child("S3Key");
    if (key == null) return out;
    for (XmlIn rule : key.children("FilterRule")) {
      String name = String.valueOf(rule.text("Name")).trim().toLowerCase(Locale.ROOT);
      String value = rule.text("Value") == null ? "" : rule.text("Value");
      int slot = switch (name) {
        case "prefix" -> 0;
        case "suffix" -> 1;
        default -> throw S3Errors.invalidArgument("filter rule name must be either prefix or suffix");
      };
      if (out[slot] != null) throw S3Errors.invalidArgument("Cannot specify more than one " + name + " rule in a filter.");
      if (value.length() > 1024) throw S3Errors.invalidArgument("The " + name + " filter rule value is too long.");
      out[slot] = value;
    }
    return out;
  }

  private static String newId() {
    return Base64.getEncoder().withoutPadding().encodeToString(UUID.randomUUID().toString().getBytes(StandardCharsets.UTF_8));
  }

  public static XmlOut write(NotificationConfig config) {
    XmlOut x = XmlOut.document("NotificationConfiguration");
    for (QueueNotification q : config.queues()) {
      x.open("QueueConfiguration").el("Id", q.id()).el("Queue", q.queueArn());
      q.events().forEach(e -> x.el("Event", e));
      if (q.prefix() != null || q.suffix() != null) {
        x.open("Filter").open("S3Key");
        if (q.prefix() != null) x.open("FilterRule").el("Name", "prefix").el("Value", q.prefix()).close();
        if (q.suffix() != null) x.open("FilterRule").el("Name", "suffix").el("Value", q.suffix()).close();
        x.close().close();
      }
      x.close();
    }
    if (config.eventBridge()) x.open("EventBridgeConfiguration").close();
    return x;
  }
}
