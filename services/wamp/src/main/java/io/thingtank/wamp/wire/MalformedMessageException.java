package io.thingtank.wamp.wire;

/** Bytes that are not a WAMP message: the session is aborted with a protocol violation. */
public final class MalformedMessageException extends RuntimeException {
  public MalformedMessageException(String message) { super(message, null, false, false); }
}
