package io.thingtank.s3.wire.body;

import io.vertx.core.buffer.Buffer;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Turns the bytes on the wire into the object's bytes: the identity for plain bodies, the
 * aws-chunked framing for streaming uploads. Runs on the request's event loop; not thread-safe.
 * Failures are {@link io.thingtank.aws.AwsError}s.
 */
public interface BodyDecoder {
  void feed(Buffer wire, Consumer<Buffer> decoded);

  /** The wire body ended; throws if the framing is incomplete. */
  void end();

  /** Trailing headers (lower-case names) of the aws-chunked trailer; empty for plain bodies. */
  Map<String, String> trailers();

  /** The identity decoder. */
  final class Plain implements BodyDecoder {
    @Override public void feed(Buffer wire, Consumer<Buffer> decoded) { decoded.accept(wire); }

    @Override public void end() {}

    @Override public Map<String, String> trailers() { return Map.of(); }
  }
}
