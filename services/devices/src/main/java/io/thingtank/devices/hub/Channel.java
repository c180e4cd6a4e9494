package io.thingtank.devices.hub;

import java.util.Locale;

/**
 * What a subscriber hears from one device: messages it received, its broadcasts, messages it
 * sent, changes to its properties, and its sensor data (the Meshblu v2 subscription types).
 */
public enum Channel {
  RECEIVED, BROADCAST, SENT, CONFIG, DATA;

  /** The Meshblu v2 name ({@code "received"}, {@code "broadcast"}, ...), lenient about case. */
  public static Channel parse(String type) {
    return switch (type.toLowerCase(Locale.ROOT)) {
      case "received", "message.received" -> RECEIVED;
      case "broadcast", "broadcast.sent", "broadcast.received" -> BROADCAST;
      case "sent", "message.sent" -> SENT;
      case "config", "configure.sent", "configure.received" -> CONFIG;
      case "data" -> DATA;
      default -> throw new HubException(422, "Invalid subscription type: " + type);
    };
  }

  public String wireName() { return name().toLowerCase(Locale.ROOT); }
}
