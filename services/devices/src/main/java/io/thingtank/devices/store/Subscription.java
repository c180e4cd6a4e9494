package io.thingtank.devices.store;

/** A Meshblu v2 subscription: {@code subscriberUuid} receives {@code emitterUuid}'s messages of {@code type}. */
public record Subscription(String subscriberUuid, String emitterUuid, String type) {
}
