package io.thingtank.s3;

import java.nio.charset.StandardCharsets;
import java.util.Optional;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.http.SdkHttpRequest;

/** Replaces the request body before signing, so the SDK signs and sends a document of our choosing. */
final class BodyReplacingInterceptor implements ExecutionInterceptor {
  private final String body;

  BodyReplacingInterceptor(String body) { this.body = body; }

  @Override
  public Optional<RequestBody> modifyHttpContent(Context.ModifyHttpRequest context, ExecutionAttributes attributes) {
    return Optional.of(RequestBody.fromString(body));
  }

  @Override
  public SdkHttpRequest modifyHttpRequest(Context.ModifyHttpRequest context, ExecutionAttributes attributes) {
    return context.httpRequest().toBuilder()
        .putHeader("Content-Length", Integer.toString(body.getBytes(StandardCharsets.UTF_8).length))
        .removeHeader("Content-MD5").build();
  }
}
