package io.thingtank.core.storage;

/** The storage engine failed; the operation did not take effect. */
public final class StorageException extends RuntimeException {
  public StorageException(String message, Throwable cause) { super(message, cause); }
}
