package io.thingtank.s3.wire.body;

import io.thingtank.aws.AwsError;
import io.thingtank.s3.S3Errors;
import io.vertx.core.buffer.Buffer;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Decodes {@code Content-Encoding: aws-chunked} (S3 API Reference, "Signature Calculations for
 * the Authorization Header: Transferring Payload in Multiple Chunks (Chunked Upload)"):
 * <pre>
 * hex-size[;chunk-signature=sig] CRLF data CRLF ... 0[;chunk-signature=sig] CRLF
 * [trailer-name:value CRLF ...] [x-amz-trailer-signature:sig CRLF] CRLF
 * </pre>
 * With {@code signatures} non-null every chunk signature (and the trailer signature) is checked.
 */
public final class AwsChunkedDecoder implements BodyDecoder {
  private static final int MAX_LINE = 4096;

  private enum State { SIZE_LINE, DATA, DATA_CRLF, TRAILER, DONE }

  private final ChunkSignatures signatures;
  private final StringBuilder line = new StringBuilder();
  private final Map<String, String> trailers = new LinkedHashMap<>();
  private final StringBuilder trailerText = new StringBuilder();
  private final MessageDigest chunkDigest;
  private State state = State.SIZE_LINE;
  private long remaining;
  private int crlfSeen;
  private String chunkSignature;
  private String trailerSignature;

  AwsChunkedDecoder(ChunkSignatures signatures) {
    this.signatures = signatures;
    try {
      this.chunkDigest = signatures == null ? null : MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  @Override
  public void feed(Buffer wire, Consumer<Buffer> decoded) {
    int i = 0, n = wire.length();
    while (i < n) {
      switch (state) {
        case SIZE_LINE, TRAILER -> {
          byte b = wire.getByte(i++);
          if (b == '\n') {
            String l = line.toString();
            line.setLength(0);
            if (state == State.SIZE_LINE) startChunk(l);
            else trailerLine(l);
          } else if (b != '\r') {
            if (line.length() >= MAX_LINE) throw malformed("chunk header too long");
            line.append((char) (b & 0xFF));
          }
        }
        case DATA -> {
          int take = (int) Math.min(remaining, n - i);
          Buffer slice = wire.getBuffer(i, i + take);
          if (chunkDigest != null) chunkDigest.update(slice.getBytes());
          decoded.accept(slice);
          remaining -= take;
          i += take;
          if (remaining == 0) state = State.DATA_CRLF;
        }
        case DATA_CRLF -> {
          byte b = wire.getByte(i++);
          if (b == '\n') {
            endChunk();
            state = State.SIZE_LINE;
          } else if (b != '\r') {
            throw malformed("chunk data longer than its declared size");
          }
        }
        case DONE -> i = n;
      }
    }
  }

  private void startChunk(String header) {
    if (header.isEmpty()) return;
    int semi = header.indexOf(';');
    String size = semi < 0 ? header : header.substring(0, semi);
    chunkSignature = null;
    if (semi >= 0) {
      String ext = header.substring(semi + 1).trim();
      if (ext.startsWith("chunk-signature=")) chunkSignature = ext.substring("chunk-signature=".length());
    }
    if (signatures != null && chunkSignature == null) throw S3Errors.signatureDoesNotMatch();
    try {
      remaining = Long.parseLong(size.trim(), 16);
    } catch (NumberFormatException e) {
      throw malformed("bad chunk size '" + size + "'");
    }
    if (remaining < 0) throw malformed("negative chunk size");
    if (remaining == 0) {
      endChunk();
      state = State.TRAILER;
    } else {
      state = State.DATA;
    }
  }

  private void endChunk() {
    if (signatures != null) signatures.verifyChunk(chunkSignature, chunkDigest.digest());
  }

  private void trailerLine(String l) {
    if (l.isEmpty()) {
      if (signatures != null && !trailers.isEmpty()) signatures.verifyTrailer(trailerSignature, trailerText.toString());
      state = State.DONE;
      return;
    }
    int colon = l.indexOf(':');
    if (colon <= 0) throw malformed("bad trailer line");
    String name = l.substring(0, colon).trim().toLowerCase(Locale.ROOT);
    String value = l.substring(colon + 1).trim();
    if (name.equals("x-amz-trailer-signature")) {
      trailerSignature = value;
    } else {
      trailers.put(name, value);
      trailerText.append(name).append(':').append(value).append('\n');
    }
  }

  @Override
  public void end() {
    if (state == State.TRAILER && line.isEmpty()) trailerLine("");
    if (state != State.DONE) throw S3Errors.incompleteBody();
  }

  @Override
  public Map<String, String> trailers() { return trailers; }

  private static AwsError malformed(String why) {
    return new AwsError("InvalidRequest", "Malformed aws-chunked body: " + why, 400);
  }

}
