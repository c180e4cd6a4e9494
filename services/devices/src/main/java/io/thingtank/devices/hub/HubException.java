package io.thingtank.devices.hub;

/**
 * A hub operation was refused. {@code code} is the HTTP-like status SkyNet answers with
 * (401 unauthorized, 404 not found, 422 invalid, 500); the message is SkyNet's text.
 */
public final class HubException extends RuntimeException {
  private final int code;

  public HubException(int code, String message) {
    super(message, null, false, false);
    this.code = code;
  }

  public int code() { return code; }

  public static HubException unauthorized() { return new HubException(401, "unauthorized"); }

  public static HubException notFound(String message) { return new HubException(404, message); }
}
