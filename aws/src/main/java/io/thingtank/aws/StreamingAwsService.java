package io.thingtank.aws;

import io.thingtank.aws.auth.SigV4Verifier;
import io.thingtank.aws.protocol.AwsHttpRequest;
import io.vertx.core.http.HttpServerRequest;

/**
 * An AWS service that reads request bodies itself, streaming them (S3: objects of any size
 * written straight to disk, chunk signatures checked on the way). The gateway resolves the
 * service from the headers and hands over the request before reading any of the body; the
 * service verifies the signature with {@link Head#verifier()} (the payload hash comes from
 * {@code x-amz-content-sha256}) and answers on {@code http.response()}. Runs on the event loop.
 */
public interface StreamingAwsService extends AwsService {

  void handle(HttpServerRequest http, Head head);

  /**
   * What the gateway knows of the request: its head ({@link AwsHttpRequest#body()} is null),
   * the verifier, the account and default region, the request id and arrival time.
   */
  record Head(AwsHttpRequest request, SigV4Verifier verifier, String accountId, String defaultRegion,
      String requestId, long receivedMillis) {}
}
