package io.thingtank.s3.wire;

import io.vertx.core.buffer.Buffer;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What an S3 handler answers: a status, headers, and a body that is either bytes (XML, or a small
 * object's data) or a region of a blob file (object data, sent with zero copy), or nothing.
 */
public final class S3Response {
  private final int status;
  private final Map<String, String> headers = new LinkedHashMap<>();
  private Buffer body;
  private Path file;
  private long offset;
  private long length;

  private S3Response(int status) { this.status = status; }

  public static S3Response status(int status) { return new S3Response(status); }

  public static S3Response ok() { return new S3Response(200); }

  public static S3Response noContent() { return new S3Response(204); }

  public static S3Response xml(XmlOut doc) { return xml(200, doc); }

  public static S3Response xml(int status, XmlOut doc) {
    S3Response r = new S3Response(status);
    r.body = doc.toBuffer();
    r.headers.put("content-type", "application/xml");
    return r;
  }

  public static S3Response bytes(int status, String contentType, Buffer body) {
    S3Response r = new S3Response(status);
    r.body = body;
    r.headers.put("content-type", contentType);
    return r;
  }

  public S3Response header(String name, Object value) {
    if (value != null) headers.put(name, String.valueOf(value));
    return this;
  }

  /** Object data already in memory (small objects); the headers say its type and length. */
  public S3Response data(Buffer data) {
    this.body = data;
    return this;
  }

  public S3Response file(Path path, long offset, long length) {
    this.file = path;
    this.offset = offset;
    this.length = length;
    return this;
  }

  public int status() { return status; }

  public Map<String, String> headers() { return headers; }

  public Buffer body() { return body; }

  public Path file() { return file; }

  public long offset() { return offset; }

  public long length() { return length; }
}
