package io.thingtank.wamp.message;

/** A peer broke the protocol: the router answers ABORT {@code wamp.error.protocol_violation} (WAMP §5.3.3). */
public final class ProtocolViolation extends RuntimeException {
  public ProtocolViolation(String message) { super(message, null, false, false); }
}
