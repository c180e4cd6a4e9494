package io.thingtank.devices.hub;

/**
 * SkyNet's event log codes ({@code lib/socketLogic.js}, {@code lib/setupHttpRoutes.js},
 * {@code lib/logData.js}, {@code lib/getData.js}, 2014).
 */
public enum EventCode {
  SOCKET_CONNECT(100), IDENTITY(101), DISCONNECT(102), AUTHENTICATE(102),
  STATUS(200), EVENTS(201), SUBSCRIBE(204), UNSUBSCRIBE(205),
  MESSAGE(300), REGISTER(400), UPDATE(401), UNREGISTER(402), DEVICES(403),
  TOKEN(410), DATA(700), GET_DATA(701);

  private final int code;

  EventCode(int code) { this.code = code; }

  public int code() { return code; }
}
