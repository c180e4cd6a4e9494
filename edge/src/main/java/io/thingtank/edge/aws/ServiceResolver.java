package io.thingtank.edge.aws;

import io.thingtank.aws.AwsProtocol;
import io.thingtank.aws.AwsService;
import io.thingtank.aws.auth.SigV4Credential;
import io.thingtank.aws.auth.SigV4Verifier;
import io.thingtank.aws.protocol.AwsHttpRequest;
import java.util.List;
import java.util.Locale;

/**
 * Works out which AWS service a request on the shared AWS port is for, in the order the
 * evidence is reliable: {@code X-Amz-Target} prefix, the Smithy RPC v2 path, the SigV4
 * credential scope, the host name ({@code sqs.us-east-1.localhost}), a query {@code Action}
 * (query-protocol services), and finally the REST service (S3) if there is one.
 * Immutable; thread-safe.
 */
final class ServiceResolver {
  private final List<AwsService> services;

  ServiceResolver(List<AwsService> services) { this.services = List.copyOf(services); }

  /** The service, or null when nothing identifies one. */
  AwsService resolve(AwsHttpRequest req) {
    String target = req.header("x-amz-target");
    if (target != null) {
      int dot = target.lastIndexOf('.');
      String prefix = dot < 0 ? target : target.substring(0, dot);
      for (AwsService s : services) if (prefix.equals(s.model().targetPrefix())) return s;
      return null;
    }
    String path = req.rawPath();
    if (req.header("smithy-protocol") != null && path.startsWith("/service/")) {
      int end = path.indexOf('/', 9);
      String name = end < 0 ? path.substring(9) : path.substring(9, end);
      for (AwsService s : services) if (name.equals(s.model().smithyService())) return s;
    }
    SigV4Credential cred = SigV4Verifier.peekCredential(req);
    if (cred != null) {
      for (AwsService s : services) if (cred.service().equals(s.model().signingName())) return s;
      return null;
    }
    String host = req.header("host");
    if (host != null) {
      String label = host.toLowerCase(Locale.ROOT);
      int dot = label.indexOf('.');
      if (dot > 0) {
        label = label.substring(0, dot);
        for (AwsService s : services) if (label.equals(s.model().signingName())) return s;
      }
    }
    if (hasAction(req)) {
      for (AwsService s : services) {
        if (s.model().protocols().contains(AwsProtocol.AWS_QUERY) || s.model().protocols().contains(AwsProtocol.EC2_QUERY)) {
          return s;
        }
      }
    }
    for (AwsService s : services) if (s.model().protocols().contains(AwsProtocol.REST_XML)) return s;
    return null;
  }

  private static boolean hasAction(AwsHttpRequest req) {
    if (req.rawQuery() != null && req.queryParams().containsKey("Action")) return true;
    String ct = req.header("content-type");
    if (ct == null || !ct.startsWith("application/x-www-form-urlencoded")) return false;
    // Before the body is read (streaming services are picked from the head), a form post counts as
    // a query-protocol call: S3's browser uploads are multipart/form-data, never url-encoded.
    return req.body() == null || AwsHttpRequest.parseForm(new String(req.body(), java.nio.charset.StandardCharsets.UTF_8)).containsKey("Action");
  }
}
