package io.thingtank.s3.wire;

import static io.thingtank.s3.wire.S3Operation.*;

import java.util.List;
import java.util.Map;

/**
 * S3's routing table: HTTP method, addressed level (service, bucket, object) and a selector
 * (a query parameter or header that must be present) to the operation, as the "HTTP request"
 * sections of the S3 API Reference define them. The first matching row wins, so rows with a
 * selector come before the plain row of the same method and level. Immutable.
 */
public final class S3Routes {
  enum Level { SERVICE, BUCKET, OBJECT }

  /** {@code selector}: "?name" for a query parameter, "h:name" for a header, null for none. */
  record Route(String method, Level level, String selector, String selector2, S3Operation operation) {}

  private static final List<Route> ROUTES = List.of(
      r("GET", Level.SERVICE, null, ListBuckets),
      r("PUT", Level.BUCKET, "?versioning", PutBucketVersioning),
      r("PUT", Level.BUCKET, "?tagging", PutBucketTagging),
      r("PUT", Level.BUCKET, "?policy", PutBucketPolicy),
      r("PUT", Level.BUCKET, "?acl", PutBucketAcl),
      r("PUT", Level.BUCKET, "?cors", PutBucketCors),
      r("PUT", Level.BUCKET, "?lifecycle", PutBucketLifecycleConfiguration),
      r("PUT", Level.BUCKET, "?ownershipControls", PutBucketOwnershipControls),
      r("PUT", Level.BUCKET, "?publicAccessBlock", PutPublicAccessBlock),
      r("PUT", Level.BUCKET, "?notification", PutBucketNotificationConfiguration),
      r("PUT", Level.BUCKET, null, CreateBucket),
      r("GET", Level.BUCKET, "?location", GetBucketLocation),
      r("GET", Level.BUCKET, "?versioning", GetBucketVersioning),
      r("GET", Level.BUCKET, "?tagging", GetBucketTagging),
      r("GET", Level.BUCKET, "?policy", GetBucketPolicy),
      r("GET", Level.BUCKET, "?acl", GetBucketAcl),
      r("GET", Level.BUCKET, "?cors", GetBucketCors),
      r("GET", Level.BUCKET, "?lifecycle", GetBucketLifecycleConfiguration),
      r("GET", Level.BUCKET, "?ownershipControls", GetBucketOwnershipControls),
      r("GET", Level.BUCKET, "?publicAccessBlock", GetPublicAccessBlock),
      r("GET", Level.BUCKET, "?notification", GetBucketNotificationConfiguration),
      r("GET", Level.BUCKET, "?encryption", GetBucketEncryption),
      r("GET", Level.BUCKET, "?uploads", ListMultipartUploads),
      r("GET", Level.BUCKET, "?versions", ListObjectVersions),
      r("GET", Level.BUCKET, "?list-type", ListObjectsV2),
      r("GET", Level.BUCKET, null, ListObjects),
      r("HEAD", Level.BUCKET, null, HeadBucket),
      r("DELETE", Level.BUCKET, "?tagging", DeleteBucketTagging),
      r("DELETE", Level.BUCKET, "?policy", DeleteBucketPolicy),
      r("DELETE", Level.BUCKET, "?cors", DeleteBucketCors),
      r("DELETE", Level.BUCKET, "?lifecycle", DeleteBucketLifecycle),
      r("DELETE", Level.BUCKET, "?ownershipControls", DeleteBucketOwnershipControls),
      r("DELETE", Level.BUCKET, "?publicAccessBlock", DeletePublicAccessBlock),
      r("DELETE", Level.BUCKET, null, DeleteBucket),
      r("POST", Level.BUCKET, "?delete", DeleteObjects),
      r("POST", Level.BUCKET, null, PostObject),
      new Route("PUT", Level.OBJECT, "?uploadId", "h:x-amz-copy-source", UploadPartCopy),
      r("PUT", Level.OBJECT, "?uploadId", UploadPart),
      r("PUT", Level.OBJECT, "?tagging", PutObjectTagging),
      r("PUT", Level.OBJECT, "?acl", PutObjectAcl),
      r("PUT", Level.OBJECT, "h:x-amz-copy-source", CopyObject),
      r("PUT", Level.OBJECT, null, PutObject),
      r("GET", Level.OBJECT, "?uploadId", ListParts),
      r("GET", Level.OBJECT, "?tagging", GetObjectTagging),
      r("GET", Level.OBJECT, "?acl", GetObjectAcl),
      r("GET", Level.OBJECT, "?attributes", GetObjectAttributes),
      r("GET", Level.OBJECT, null, GetObject),
      r("HEAD", Level.OBJECT, null, HeadObject),
      r("DELETE", Level.OBJECT, "?uploadId", AbortMultipartUpload),
      r("DELETE", Level.OBJECT, "?tagging", DeleteObjectTagging),
      r("DELETE", Level.OBJECT, null, DeleteObject),
      r("POST", Level.OBJECT, "?uploads", CreateMultipartUpload),
      r("POST", Level.OBJECT, "?uploadId", CompleteMultipartUpload),
      r("POST", Level.OBJECT, "?restore", RestoreObject),
      r("POST", Level.OBJECT, "?select", SelectObjectContent));

  /** Subresources of features ThingTank does not have: routed nowhere, so they answer NotImplemented. */
  private static final java.util.Set<String> UNSUPPORTED = java.util.Set.of("logging", "encryption", "object-lock",
      "replication", "website", "requestPayment", "accelerate", "intelligent-tiering", "analytics", "metrics",
      "inventory", "legal-hold", "retention", "torrent", "lifecycle", "versioning", "policyStatus", "session",
      "metadataTable");

  private S3Routes() {}

  /** The unsupported subresource a request names, or null. */
  public static String unsupported(Map<String, List<String>> query) {
    for (String q : query.keySet()) if (UNSUPPORTED.contains(q)) return q;
    return null;
  }

  private static Route r(String method, Level level, String selector, S3Operation op) {
    return new Route(method, level, selector, null, op);
  }

  /** The operation, or null when no row matches (S3 answers MethodNotAllowed). */
  public static S3Operation route(String method, S3Address address, Map<String, List<String>> query,
      HeaderLookup headers) {
    if ("OPTIONS".equals(method) && address.bucket() != null) return CorsPreflight;
    Level level = address.bucket() == null ? Level.SERVICE : address.key() == null ? Level.BUCKET : Level.OBJECT;
    for (Route r : ROUTES) {
      if (r.method().equals(method) && r.level() == level && matches(r.selector(), query, headers)
          && matches(r.selector2(), query, headers)) {
        return r.operation();
      }
    }
    return null;
  }

  private static boolean matches(String selector, Map<String, List<String>> query, HeaderLookup headers) {
    if (selector == null) return true;
    if (selector.startsWith("?")) return query.containsKey(selector.substring(1));
    return headers.header(selector.substring(2)) != null;
  }

  /** Reads a request header by lower-case name. */
  @FunctionalInterface
  public interface HeaderLookup {
    String header(String name);
  }
}
