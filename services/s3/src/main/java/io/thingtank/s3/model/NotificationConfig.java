package io.thingtank.s3.model;

import java.util.List;

/**
 * A bucket's notification configuration: its queue destinations and whether events also go to
 * EventBridge (stored and shown, not delivered: there is no EventBridge here).
 */
public record NotificationConfig(List<QueueNotification> queues, boolean eventBridge) {
  public static final NotificationConfig EMPTY = new NotificationConfig(List.of(), false);
}
