package io.thingtank.sqs.model;

import io.thingtank.sqs.SqsErrors;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Queue attribute names and their rules (API reference, CreateQueue / SetQueueAttributes):
 * which are settable, their ranges and defaults, which belong to FIFO queues only, and which
 * are computed when read. Stateless.
 */
public final class QueueAttributes {
  public static final String DELAY_SECONDS = "DelaySeconds";
  public static final String MAXIMUM_MESSAGE_SIZE = "MaximumMessageSize";
  public static final String MESSAGE_RETENTION_PERIOD = "MessageRetentionPeriod";
  public static final String RECEIVE_MESSAGE_WAIT_TIME_SECONDS = "ReceiveMessageWaitTimeSeconds";
  public static final String VISIBILITY_TIMEOUT = "VisibilityTimeout";
  public static final String POLICY = "Policy";
  public static final String REDRIVE_POLICY = "RedrivePolicy";
  public static final String REDRIVE_ALLOW_POLICY = "RedriveAllowPolicy";
  public static final String KMS_MASTER_KEY_ID = "KmsMasterKeyId";
  public static final String KMS_DATA_KEY_REUSE_PERIOD_SECONDS = "KmsDataKeyReusePeriodSeconds";
  public static final String SQS_MANAGED_SSE_ENABLED = "SqsManagedSseEnabled";
  public static final String FIFO_QUEUE = "FifoQueue";
  public static final String CONTENT_BASED_DEDUPLICATION = "ContentBasedDeduplication";
  public static final String DEDUPLICATION_SCOPE = "DeduplicationScope";
  public static final String FIFO_THROUGHPUT_LIMIT = "FifoThroughputLimit";

  /**
   * The largest message and the largest batch payload: 1 MiB since August 2025 (API reference,
   * SendMessage / SendMessageBatch; botocore 1.43's model). Also MaximumMessageSize's default and maximum.
   */
  public static final int MAX_MESSAGE_BYTES = 1_048_576;

  public static final String ALL = "All";
  public static final String QUEUE_ARN = "QueueArn";
  public static final String APPROXIMATE_NUMBER_OF_MESSAGES = "ApproximateNumberOfMessages";
  public static final String APPROXIMATE_NUMBER_OF_MESSAGES_NOT_VISIBLE = "ApproximateNumberOfMessagesNotVisible";
  public static final String APPROXIMATE_NUMBER_OF_MESSAGES_DELAYED = "ApproximateNumberOfMessagesDelayed";
  public static final String CREATED_TIMESTAMP = "CreatedTimestamp";
  public static final String LAST_MODIFIED_TIMESTAMP = "LastModifiedTimestamp";

  /** Computed attributes, in the order GetQueueAttributes "All" lists them. */
  public static final List<String> COMPUTED = List.of(QUEUE_ARN, APPROXIMATE_NUMBER_OF_MESSAGES,
      APPROXIMATE_NUMBER_OF_MESSAGES_NOT_VISIBLE, APPROXIMATE_NUMBER_OF_MESSAGES_DELAYED, CREATED_TIMESTAMP,
      LAST_MODIFIED_TIMESTAMP);

  private static final Set<String> SETTABLE = Set.of(DELAY_SECONDS, MAXIMUM_MESSAGE_SIZE, MESSAGE_RETENTION_PERIOD,
      RECEIVE_MESSAGE_WAIT_TIME_SECONDS, VISIBILITY_TIMEOUT, POLICY, REDRIVE_POLICY, REDRIVE_ALLOW_POLICY,
      KMS_MASTER_KEY_ID, KMS_DATA_KEY_REUSE_PERIOD_SECONDS, SQS_MANAGED_SSE_ENABLED, FIFO_QUEUE,
      CONTENT_BASED_DEDUPLICATION, DEDUPLICATION_SCOPE, FIFO_THROUGHPUT_LIMIT);
  private static final Set<String> FIFO_ONLY = Set.of(CONTENT_BASED_DEDUPLICATION, DEDUPLICATION_SCOPE,
      FIFO_THROUGHPUT_LIMIT);

  private QueueAttributes() {}

  /** Whether GetQueueAttributes knows {@code name} (settable or computed, or "All"). */
  public static boolean known(String name) {
    return name != null && (ALL.equals(name) || SETTABLE.contains(name) || COMPUTED.contains(name));
  }

  /**
   * The attributes of a new queue: {@code given} checked, with the defaults SQS reports filled in.
   * {@code fifo} comes from the name; the FifoQueue attribute must agree with it.
   */
  public static Map<String, String> forCreate(Map<String, String> given, boolean fifo) {
    Map<String, String> out = new HashMap<>();
    out.put(DELAY_SECONDS, "0");
    out.put(MAXIMUM_MESSAGE_SIZE, Integer.toString(MAX_MESSAGE_BYTES));
    out.put(MESSAGE_RETENTION_PERIOD, "345600");
    out.put(RECEIVE_MESSAGE_WAIT_TIME_SECONDS, "0");
    out.put(VISIBILITY_TIMEOUT, "30");
    out.put(SQS_MANAGED_SSE_ENABLED, "true");
    if (fifo) {
      out.put(FIFO_QUEUE, "true");
      out.put(CONTENT_BASED_DEDUPLICATION, "false");
      out.put(DEDUPLICATION_SCOPE, "queue");
      out.put(FIFO_THROUGHPUT_LIMIT, "perQueue");
    }
    out.putAll(check(given, fifo, true));
    return out;
  }

  /** The attributes after SetQueueAttributes applies {@code changes}. */
  public static Map<String, String> forUpdate(Map<String, String> current, Map<String, String> changes, boolean fifo) {
    Map<String, String> out = new HashMap<>(current);
    check(changes, fifo, false).forEach((k, v) -> {
      if (v.isEmpty() && (k.equals(REDRIVE_POLICY) || k.equals(POLICY) || k.equals(REDRIVE_ALLOW_POLICY)
          || k.equals(KMS_MASTER_KEY_ID))) {
        out.remove(k);
      } else {
        out.put(k, v);
      }
    });
    return out;
  }

  private static Map<String, String> check(Map<String, String> given, boolean fifo, boolean creating) {
    Map<String, String> out = new HashMap<>();
    for (Map.Entry<String, String> e : given.entrySet()) {
      String name = e.getKey();
      String value = e.getValue() == null ? "" : e.getValue();
      if (name == null || !SETTABLE.contains(name)) throw SqsErrors.invalidAttributeName(name);
      if (FIFO_ONLY.contains(name) && !fifo) throw SqsErrors.invalidAttributeName(name);
      switch (name) {
        case DELAY_SECONDS -> value = range(name, value, 0, 900);
        case MAXIMUM_MESSAGE_SIZE -> value = range(name, value, 1024, MAX_MESSAGE_BYTES);
        case MESSAGE_RETENTION_PERIOD -> value = range(name, value, 60, 1_209_600);
        case RECEIVE_MESSAGE_WAIT_TIME_SECONDS -> value = range(name, value, 0, 20);
        case VISIBILITY_TIMEOUT -> value = range(name, value, 0, 43_200);
        case KMS_DATA_KEY_REUSE_PERIOD_SECONDS -> value = range(name, value, 60, 86_400);
        case REDRIVE_POLICY -> { if (!value.isEmpty()) value = RedrivePolicy.parse(value).toJson(); }
        case REDRIVE_ALLOW_POLICY -> { if (!value.isEmpty()) RedriveAllowPolicy.parse(value); }
        case SQS_MANAGED_SSE_ENABLED, CONTENT_BASED_DEDUPLICATION -> bool(name, value);
        case FIFO_QUEUE -> {
          if (!creating) throw SqsErrors.invalidAttributeName(name);
          if (!"true".equalsIgnoreCase(value) && !"false".equalsIgnoreCase(value)) invalid(name, value);
          if (Boolean.parseBoolean(value) != fifo) {
            throw SqsErrors.invalidParameterValue("The name of a FIFO queue can only include alphanumeric characters,"
                + " hyphens, or underscores, must end with .fifo suffix and be 1 to 80 in length.");
          }
          value = value.toLowerCase(java.util.Locale.ROOT);
        }
        case DEDUPLICATION_SCOPE -> oneOf(name, value, "messageGroup", "queue");
        case FIFO_THROUGHPUT_LIMIT -> oneOf(name, value, "perQueue", "perMessageGroupId");
        default -> { }
      }
      out.put(name, value);
    }
    return out;
  }

  /** The value as SQS stores it (a plain integer), if within [min, max]. */
  private static String range(String name, String value, int min, int max) {
    int v;
    try {
      v = Integer.parseInt(value.trim());
    } catch (NumberFormatException e) {
      throw invalidValue(name, value);
    }
    if (v < min || v > max) throw invalidValue(name, value);
    return Integer.toString(v);
  }

  private static void bool(String name, String value) {
    if (!"true".equals(value) && !"false".equals(value)) invalid(name, value);
  }

  private static void oneOf(String name, String value, String a, String b) {
    if (!a.equals(value) && !b.equals(value)) invalid(name, value);
  }

  private static void invalid(String name, String value) { throw invalidValue(name, value); }

  private static RuntimeException invalidValue(String name, String value) {
    return SqsErrors.invalidAttributeValue("Invalid value for the parameter " + name + ": " + value);
  }
}
