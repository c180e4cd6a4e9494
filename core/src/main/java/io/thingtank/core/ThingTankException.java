package io.thingtank.core;

/** A start-up or configuration failure with a message meant for the operator. */
public class ThingTankException extends RuntimeException {
  public ThingTankException(String message) { super(message); }

  public ThingTankException(String message, Throwable cause) { super(message, cause); }
}
