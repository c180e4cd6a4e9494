package io.thingtank.s3.wire;

import io.thingtank.aws.AwsError;
import java.util.Map;

/** An S3 error whose response also carries headers (a delete marker's {@code x-amz-delete-marker}, ...). */
public final class HeaderedError extends AwsError {
  private final Map<String, String> headers;

  public HeaderedError(AwsError error, Map<String, String> headers) {
    super(error.code(), error.getMessage(), error.status());
    this.headers = Map.copyOf(headers);
  }

  public Map<String, String> headers() { return headers; }
}
