package io.thingtank.s3.notify;

import io.thingtank.s3.S3Errors;
import io.thingtank.s3.model.QueueNotification;
import java.util.List;
import java.util.Set;

/**
 * S3's rules for notification configurations (S3 User Guide, "Event notification types and
 * destinations" and "Configuring event notifications using object key name filtering"): the
 * event names, which events a configuration matches, and the overlap rule (two configurations
 * that share an event type must not both match some key). Stateless.
 */
public final class NotificationRules {
  /** The Event enum of the S3 model (botocore s3 2006-03-01, shape {@code Event}). */
  private static final Set<String> EVENTS = Set.of("s3:ReducedRedundancyLostObject", "s3:ObjectCreated:*",
      "s3:ObjectCreated:Put", "s3:ObjectCreated:Post", "s3:ObjectCreated:Copy",
      "s3:ObjectCreated:CompleteMultipartUpload", "s3:ObjectRemoved:*", "s3:ObjectRemoved:Delete",
      "s3:ObjectRemoved:DeleteMarkerCreated", "s3:ObjectRestore:*", "s3:ObjectRestore:Post",
      "s3:ObjectRestore:Completed", "s3:ObjectRestore:Delete", "s3:Replication:*",
      "s3:Replication:OperationFailedReplication", "s3:Replication:OperationNotTracked",
      "s3:Replication:OperationMissedThreshold", "s3:Replication:OperationReplicatedAfterThreshold",
      "s3:LifecycleTransition", "s3:IntelligentTiering", "s3:ObjectAcl:Put", "s3:LifecycleExpiration:*",
      "s3:LifecycleExpiration:Delete", "s3:LifecycleExpiration:DeleteMarkerCreated", "s3:ObjectTagging:*",
      "s3:ObjectTagging:Put", "s3:ObjectTagging:Delete");

  private NotificationRules() {}

  public static void checkEvent(String event) {
    if (!EVENTS.contains(event)) throw S3Errors.invalidArgument("The event '" + event + "' is not supported for notifications");
  }

  /** Fails with S3's InvalidArgument when two configurations overlap. */
  public static void checkOverlaps(List<QueueNotification> configs) {
    for (int i = 0; i < configs.size(); i++) {
      for (int j = i + 1; j < configs.size(); j++) {
        QueueNotification a = configs.get(i), b = configs.get(j);
        if (a.events().stream().anyMatch(x -> b.events().stream().anyMatch(y -> eventsOverlap(x, y)))
            && affixesOverlap(a.prefix(), b.prefix(), true) && affixesOverlap(a.suffix(), b.suffix(), false)) {
          throw S3Errors.invalidArgument("Configurations overlap. Configurations on the same bucket cannot share a"
              + " common event type.");
        }
      }
    }
  }

  /** Whether {@code config} wants the event {@code eventName} (e.g. {@code ObjectCreated:Put}) on {@code key}. */
  public static boolean matches(QueueNotification config, String eventName, String key) {
    if (config.prefix() != null && !key.startsWith(config.prefix())) return false;
    if (config.suffix() != null && !key.endsWith(config.suffix())) return false;
    return config.events().stream().anyMatch(e -> eventsOverlap(e, "s3:" + eventName));
  }

  private static boolean eventsOverlap(String a, String b) {
    return a.equals(b) || a.endsWith(":*") && b.startsWith(a.substring(0, a.length() - 1))
        || b.endsWith(":*") && a.startsWith(b.substring(0, b.length() - 1));
  }

  private static boolean affixesOverlap(String a, String b, boolean prefix) {
    if (a == null || b == null || a.isEmpty() || b.isEmpty()) return true;
    return prefix ? a.startsWith(b) || b.startsWith(a) : a.endsWith(b) || b.endsWith(a);
  }
}
