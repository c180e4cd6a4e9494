package io.thingtank.s3.model;

import io.thingtank.s3.checksum.ChecksumAlgorithm;
import java.util.List;
import java.util.Map;

/**
 * One version of an object: where its body is ({@code blobId}), its size and ETag
 * (hex MD5, or MD5-of-MD5s with {@code -N} for multipart), content headers
 * ({@code content-type}, {@code cache-control}, ... lower-case), user metadata (names without
 * {@code x-amz-meta-}), its flexible checksum and, for multipart objects, the part sizes.
 *
 * @param checksumType {@code FULL_OBJECT} or {@code COMPOSITE} (multipart, value ends in -N)
 * @param versionId null in a bucket that never had versioning, {@code "null"} for the null
 *     version of a versioned bucket, else the id {@code VersionIds} made from {@code versionSeq}
 * @param versionSeq orders the versions of one key (larger is newer); 0 when never versioned
 * @param deleteMarker a delete marker: no body, no ETag
 * @param acl this version's owner and grants; null for versions written before ACLs were kept
 */
public record ObjectMeta(String key, String blobId, long size, String etag, long lastModifiedMillis,
    Map<String, String> contentHeaders, Map<String, String> userMetadata, String storageClass,
    ChecksumAlgorithm checksumAlgorithm, String checksum, String checksumType, List<Long> partSizes,
    Map<String, String> tags, String versionId, long versionSeq, boolean deleteMarker, Acl acl) {

  /** A new object, not yet given a version nor an ACL (set with {@link #withVersion}, {@link #withAcl}). */
  public ObjectMeta(String key, String blobId, long size, String etag, long lastModifiedMillis,
      Map<String, String> contentHeaders, Map<String, String> userMetadata, String storageClass,
      ChecksumAlgorithm checksumAlgorithm, String checksum, String checksumType, List<Long> partSizes,
      Map<String, String> tags) {
    this(key, blobId, size, etag, lastModifiedMillis, contentHeaders, userMetadata, storageClass, checksumAlgorithm,
        checksum, checksumType, partSizes, tags, null, 0, false, null);
  }

  /** A delete marker (S3 User Guide, "Working with delete markers"), owned by whoever deleted. */
  public static ObjectMeta deleteMarker(String key, long nowMillis, String versionId, long versionSeq, Acl acl) {
    return new ObjectMeta(key, null, 0, null, nowMillis, Map.of(), Map.of(), "STANDARD", null, null, null, List.of(),
        Map.of(), versionId, versionSeq, true, acl);
  }

  public ObjectMeta withVersion(String id, long seq) {
    return new ObjectMeta(key, blobId, size, etag, lastModifiedMillis, contentHeaders, userMetadata, storageClass,
        checksumAlgorithm, checksum, checksumType, partSizes, tags, id, seq, deleteMarker, acl);
  }

  /** The null version: written while versioning was never enabled or is suspended. */
  public boolean nullVersion() { return versionId == null || "null".equals(versionId); }

  public String quotedEtag() { return "\"" + etag + "\""; }

  public String contentType() {
    String t = contentHeaders.get("content-type");
    return t == null ? "binary/octet-stream" : t;
  }

  public ObjectMeta withTags(Map<String, String> t) {
    return new ObjectMeta(key, blobId, size, etag, lastModifiedMillis, contentHeaders, userMetadata, storageClass,
        checksumAlgorithm, checksum, checksumType, partSizes, t, versionId, versionSeq, deleteMarker, acl);
  }

  public ObjectMeta withAcl(Acl a) {
    return new ObjectMeta(key, blobId, size, etag, lastModifiedMillis, contentHeaders, userMetadata, storageClass,
        checksumAlgorithm, checksum, checksumType, partSizes, tags, versionId, versionSeq, deleteMarker, a);
  }
}
