package io.thingtank.devices.store;

/** One token of a device as stored: its id within the device, salted hash, and creation time. */
public record StoredToken(long id, byte[] salt, byte[] hash, long createdAt) {
}
