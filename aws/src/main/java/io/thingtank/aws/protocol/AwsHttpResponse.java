package io.thingtank.aws.protocol;

import java.util.Map;

/** An encoded response: status, headers and body, ready for any HTTP server to write. */
public record AwsHttpResponse(int status, Map<String, String> headers, byte[] body) {
}
