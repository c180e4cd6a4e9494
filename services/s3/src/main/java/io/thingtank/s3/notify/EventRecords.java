package io.thingtank.s3.notify;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.thingtank.s3.model.ObjectMeta;
import io.thingtank.s3.wire.HttpDates;
import java.io.UncheckedIOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The JSON messages S3 sends to queues (S3 User Guide, "Event message structure"): event
 * records (version 2.1, the object key URL-encoded as S3 does) and the s3:TestEvent sent when a
 * configuration is stored. Stateless.
 */
public final class EventRecords {
  private static final ObjectMapper JSON = new ObjectMapper();

  private EventRecords() {}

  /** What happened to which object version ({@code versionId} null when never versioned); {@code meta} is null for removals. */
  public record Change(String bucket, String key, String versionId, String eventName, ObjectMeta meta, String sequencer,
      long millis) {}

  /** {@code {"Records": [one record]}} for one configuration. */
  public static String message(Change c, String configurationId, String region) {
    Map<String, Object> object = new LinkedHashMap<>();
    object.put("key", eventKey(c.key()));
    if (c.meta() != null) {
      object.put("size", c.meta().size());
      object.put("eTag", c.meta().etag());
    }
    if (c.versionId() != null) object.put("versionId", c.versionId());
    object.put("sequencer", c.sequencer());
    Map<String, Object> s3 = new LinkedHashMap<>();
    s3.put("s3SchemaVersion", "1.0");
    s3.put("configurationId", configurationId);
    s3.put("bucket", Map.of("name", c.bucket(), "arn", "arn:aws:s3:::" + c.bucket()));
    s3.put("object", object);
    Map<String, Object> record = new LinkedHashMap<>();
    record.put("eventVersion", "2.1");
    record.put("eventSource", "aws:s3");
    record.put("awsRegion", region);
    record.put("eventTime", HttpDates.iso(c.millis()));
    record.put("eventName", c.eventName());
    record.put("s3", s3);
    return json(Map.of("Records", List.of(record)));
  }

  /** Keys in S3 events are form-encoded with '/' kept: {@code a b=1/c} is {@code a+b%3D1/c}. */
  static String eventKey(String key) { return URLEncoder.encode(key, StandardCharsets.UTF_8).replace("%2F", "/"); }

  /** The message S3 sends to a destination when a notification configuration names it. */
  public static String testEvent(String bucket, long millis, String requestId) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("Service", "Amazon S3");
    m.put("Event", "s3:TestEvent");
    m.put("Time", HttpDates.iso(millis));
    m.put("Bucket", bucket);
    m.put("RequestId", requestId);
    m.put("HostId", requestId);
    return json(m);
  }

  private static String json(Object o) {
    try {
      return JSON.writeValueAsString(o);
    } catch (JsonProcessingException e) {
      throw new UncheckedIOException(e);
    }
  }
}
