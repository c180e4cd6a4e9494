package io.thingtank.s3.store;

import java.util.List;

/**
 * The inline bodies ({@link InlineBodies}) that one metadata change writes and removes in its own
 * batch: a new body ({@code addedId} and its bytes, or null) and the ids of inline bodies no
 * longer referenced. File bodies are never listed here: they are placed before and deleted after.
 */
public record BodyRows(String addedId, byte[] added, List<String> dropped) {
  public static final BodyRows NONE = new BodyRows(null, null, List.of());

  /** The new inline body {@code id} (when {@code bytes} is non-null) and the inline ids among {@code gone}. */
  public static BodyRows of(String id, byte[] bytes, List<String> gone) {
    List<String> dropped = gone.stream().filter(Blobs::isInline).toList();
    return bytes == null && dropped.isEmpty() ? NONE : new BodyRows(bytes == null ? null : id, bytes, dropped);
  }
}
