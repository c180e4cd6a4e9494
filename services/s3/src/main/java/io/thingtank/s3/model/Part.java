package io.thingtank.s3.model;

/** One uploaded part of a multipart upload; {@code checksum} is base64 of the upload's algorithm. */
public record Part(int partNumber, String blobId, long size, String etag, long lastModifiedMillis,
    String checksum) {

  public String quotedEtag() { return "\"" + etag + "\""; }
}
