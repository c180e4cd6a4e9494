package io.thingtank.s3.model;

import io.thingtank.s3.checksum.ChecksumAlgorithm;
import java.util.List;
import java.util.Map;

/**
 * The current version of an object: where its body is ({@code blobId}), its size and ETag
 * (hex MD5, or MD5-of-MD5s with {@code -N} for multipart), content headers
 * ({@code content-type}, {@code cache-control}, ... lower-case), user metadata (names without
 * {@code x-amz-meta-}), its flexible checksum and, for multipart objects, the part sizes.
 *
 * @param checksumType {@code FULL_OBJECT} or {@code COMPOSITE} (multipart, value ends in -N)
 * @param acl the object's owner and grants; null for objects written before ACLs were kept
 */
public record ObjectMeta(String key, String blobId, long size, String etag, long lastModifiedMillis,
    Map<String, String> contentHeaders, Map<String, String> userMetadata, String storageClass,
    ChecksumAlgorithm checksumAlgorithm, String checksum, String checksumType, List<Long> partSizes,
    Map<String, String> tags, Acl acl) {

  /** Without an ACL (set with {@link #withAcl}). */
  public ObjectMeta(String key, String blobId, long size, String etag, long lastModifiedMillis,
      Map<String, String> contentHeaders, Map<String, String> userMetadata, String storageClass,
      ChecksumAlgorithm checksumAlgorithm, String checksum, String checksumType, List<Long> partSizes,
      Map<String, String> tags) {
    this(key, blobId, size, etag, lastModifiedMillis, contentHeaders, userMetadata, storageClass, checksumAlgorithm,
        checksum, checksumType, partSizes, tags, null);
  }

  public String quotedEtag() { return "\"" + etag + "\""; }

  public String contentType() {
    String t = contentHeaders.get("content-type");
    return t == null ? "binary/octet-stream" : t;
  }

  public ObjectMeta withTags(Map<String, String> t) {
    return new ObjectMeta(key, blobId, size, etag, lastModifiedMillis, contentHeaders, userMetadata, storageClass,
        checksumAlgorithm, checksum, checksumType, partSizes, t, acl);
  }

  public ObjectMeta withAcl(Acl a) {
    return new ObjectMeta(key, blobId, size, etag, lastModifiedMillis, contentHeaders, userMetadata, storageClass,
        checksumAlgorithm, checksum, checksumType, partSizes, tags, a);
  }
}
