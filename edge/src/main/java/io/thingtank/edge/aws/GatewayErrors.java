package io.thingtank.edge.aws;

import io.thingtank.aws.AwsService;
import io.thingtank.aws.protocol.AwsHttpRequest;
import io.thingtank.aws.protocol.AwsHttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/**
 * Errors the gateway answers before a protocol codec is known: in JSON when the client sent
 * JSON, else in the query XML envelope most AWS clients parse.
 */
final class GatewayErrors {
  private GatewayErrors() {}

  static AwsHttpResponse unroutable(AwsHttpRequest req, String requestId) {
    return error(req, 400, "UnrecognizedClientException",
        "ThingTank could not tell which AWS service this request is for (no X-Amz-Target, credential scope,"
            + " service host name or Action matched a running service).", requestId);
  }

  static AwsHttpResponse unsupportedProtocol(AwsService s, AwsHttpRequest req, String requestId) {
    return error(req, 400, "UnsupportedProtocol", "Service " + s.model().signingName()
        + " does not accept this protocol (content type " + req.header("content-type") + ").", requestId);
  }

  private static AwsHttpResponse error(AwsHttpRequest req, int status, String code, String message, String requestId) {
    String ct = req.header("content-type");
    if (ct != null && ct.contains("json")) {
      String body = "{\"__type\":\"" + code + "\",\"message\":\"" + message.replace("\"", "'") + "\"}";
      return new AwsHttpResponse(status, Map.of("content-type", "application/x-amz-json-1.0",
          "x-amzn-RequestId", requestId), body.getBytes(StandardCharsets.UTF_8));
    }
    String body = "<?xml version=\"1.0\" encoding=\"UTF-8\"?><ErrorResponse><Error><Type>Sender</Type><Code>" + code
        + "</Code><Message>" + message.replace("<", "&lt;").replace("&", "&amp;") + "</Message></Error><RequestId>"
        + requestId + "</RequestId></ErrorResponse>";
    return new AwsHttpResponse(status, Map.of("content-type", "text/xml", "x-amzn-RequestId", requestId),
        body.getBytes(StandardCharsets.UTF_8));
  }
}
