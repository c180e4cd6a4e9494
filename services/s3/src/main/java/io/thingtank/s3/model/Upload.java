package io.thingtank.s3.model;

import io.thingtank.s3.checksum.ChecksumAlgorithm;
import java.util.Map;

/** An open multipart upload and what CreateMultipartUpload said about the object to be. */
public record Upload(String uploadId, String key, long initiatedMillis, Map<String, String> contentHeaders,
    Map<String, String> userMetadata, String storageClass, ChecksumAlgorithm checksumAlgorithm,
    String checksumType, Map<String, String> tags) {}
