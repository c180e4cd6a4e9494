package io.thingtank.devices.hub;

import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * One thing pushed to a subscriber: the socket.io event name SkyNet uses ({@code message},
 * {@code config}, {@code data}), the device it concerns, the channel it came on, and the body.
 * Immutable once published; receivers must not modify {@code body}.
 */
public record Delivery(String event, String deviceUuid, Channel channel, ObjectNode body) {
}
