package io.thingtank.s3;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import software.amazon.awssdk.http.ExecutableHttpRequest;
import software.amazon.awssdk.http.HttpExecuteRequest;
import software.amazon.awssdk.http.SdkHttpClient;

/** Wraps the SDK's HTTP client and flips one byte of every request body after the SDK signed it (corruption in transit). */
final class TamperingHttpClient implements SdkHttpClient {
  private final SdkHttpClient delegate;
  private final long position;

  TamperingHttpClient(SdkHttpClient delegate, long position) {
    this.delegate = delegate;
    this.position = position;
  }

  @Override
  public ExecutableHttpRequest prepareRequest(HttpExecuteRequest request) {
    if (request.contentStreamProvider().isEmpty()) return delegate.prepareRequest(request);
    var original = request.contentStreamProvider().get();
    return delegate.prepareRequest(HttpExecuteRequest.builder().request(request.httpRequest())
        .contentStreamProvider(() -> new Flip(original.newStream(), position)).build());
  }

  @Override public void close() { delegate.close(); }

  private static final class Flip extends FilterInputStream {
    private long at;

    Flip(InputStream in, long position) {
      super(in);
      this.at = position;
    }

    @Override public int read() throws IOException {
      int b = super.read();
      if (b >= 0 && at-- == 0) b ^= 0x01;
      return b;
    }

    @Override public int read(byte[] buf, int off, int len) throws IOException {
      int n = super.read(buf, off, len);
      if (n > 0) {
        if (at >= 0 && at < n) buf[off + (int) at] ^= 0x01;
        at -= n;
      }
      return n;
    }
  }
}
