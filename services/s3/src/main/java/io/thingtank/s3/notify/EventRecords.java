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
 * records (version 2.1, the object key URL-encoded as S3 does, who caused the event from where
 * in which request, and the bucket's owner) and the s3:TestEvent sent when a configuration is
 * stored. Stateless.
 */
public final class EventRecords {
  private static final ObjectMapper JSON = new ObjectMapper();

  private EventRecords() {}

  /**
   * What happened to which object version ({@code versionId} null when never versioned; {@code meta}
   * null for removals), caused by {@code origin}, in a bucket owned by {@code bucketOwnerId}.
   */
  public record Change(String bucket, String key, String versionId, String eventName, ObjectMeta meta, String sequencer,
      long millis, EventOrigin origin, String bucketOwnerId) {}

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
    s3.put("bucket", bucket(c.bucket(), c.bucketOwnerId()));
    s3.put("object", object);
    Map<String, Object> record = new LinkedHashMap<>();
    record.put("eventVersion", "2.1");
    record.put("eventSource", "aws:s3");
    record.put("awsRegion", region);
    record.put("eventTime", HttpDates.iso(c.millis()));
    record.put("eventName", c.eventName());
    putOrigin(record, c.origin());
    record.put("s3", s3);
    return json(Map.of("Records", List.of(record)));
  }

  /**
   * Adds {@code userIdentity}, {@code requestParameters} and {@code responseElements} to a record;
   * {@code x-amz-id-2} is the request id too, as this server's responses carry it.
   */
  static void putOrigin(Map<String, Object> record, EventOrigin o) {
    record.put("userIdentity", Map.of("principalId", o.principalId()));
    Map<String, Object> request = new LinkedHashMap<>();
    request.put("sourceIPAddress", o.sourceIp());
    record.put("requestParameters", request);
    Map<String, Object> response = new LinkedHashMap<>();
    response.put("x-amz-request-id", o.requestId());
    response.put("x-amz-id-2", o.requestId());
    record.put("responseElements", response);
  }

  /** The record's {@code s3.bucket}: name, owner (the canonical user id listings show) and ARN. */
  static Map<String, Object> bucket(String name, String ownerId) {
    Map<String, Object> bucket = new LinkedHashMap<>();
    bucket.put("name", name);
    bucket.put("ownerIdentity", Map.of("principalId", ownerId));
    bucket.put("arn", "arn:aws:s3:::" + name);
    return bucket;
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
