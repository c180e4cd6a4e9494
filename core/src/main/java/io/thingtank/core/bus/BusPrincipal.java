package io.thingtank.core.bus;

/** Who publishes or subscribes through the {@link MessageBus}: checked against the realm's roles. */
public record BusPrincipal(String realm, String authid, String authrole) {
  /** A trusted in-process component (full permissions in the realm). */
  public static BusPrincipal system(String realm, String component) {
    return new BusPrincipal(realm, component, "thingtank.system");
  }
}
