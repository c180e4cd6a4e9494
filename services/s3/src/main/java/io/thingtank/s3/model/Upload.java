package io.thingtank.s3.model;

import io.thingtank.s3.checksum.ChecksumAlgorithm;
import java.util.Map;

/** An open multipart upload and what CreateMultipartUpload said about the object to be (its ACL may be null). */
public record Upload(String uploadId, String key, long initiatedMillis, Map<String, String> contentHeaders,
    Map<String, String> userMetadata, String storageClass, ChecksumAlgorithm checksumAlgorithm,
    String checksumType, Map<String, String> tags, Acl acl) {

  /** Without an ACL (set with {@link #withAcl}). */
  public Upload(String uploadId, String key, long initiatedMillis, Map<String, String> contentHeaders,
      Map<String, String> userMetadata, String storageClass, ChecksumAlgorithm checksumAlgorithm,
      String checksumType, Map<String, String> tags) {
    this(uploadId, key, initiatedMillis, contentHeaders, userMetadata, storageClass, checksumAlgorithm, checksumType,
        tags, null);
  }

  public Upload withAcl(Acl a) {
    return new Upload(uploadId, key, initiatedMillis, contentHeaders, userMetadata, storageClass, checksumAlgorithm,
        checksumType, tags, a);
  }
}
