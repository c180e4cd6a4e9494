package io.thingtank.devices.store;

import io.thingtank.core.storage.Keys;

/**
 * Byte layout of the device hub's keys in the {@code devices} table. Strings are UTF-8 plus a
 * 0x00 terminator, numbers 8 bytes big-endian with the sign bit flipped ({@link Keys#of}).
 * Sequences are stored inverted ({@code Long.MAX_VALUE - seq}) so a forward scan of a prefix
 * yields the newest entry first.
 * <pre>
 * 'd' uuid                         -> device properties (JSON, never a token)
 * 't' uuid tokenId:8               -> token hash: salt:16 sha256(salt|token):32, createdAt:8
 * 'e' inv(seq)                     -> event (JSON, carries "eventCode")
 * 'E' uuid inv(seq)                -> empty: index of events that involve uuid
 * 'D' uuid inv(seq)                -> one sensor data record (JSON)
 * 's' subscriberUuid emitterUuid type -> empty: a Meshblu v2 subscription
 * </pre>
 */
public final class DeviceKeys {
  static final byte DEVICE = 'd', TOKEN = 't', EVENT = 'e', EVENT_INDEX = 'E', DATA = 'D', SUBSCRIPTION = 's';

  private DeviceKeys() {}

  static byte[] device(String uuid) { return Keys.of(DEVICE, uuid); }

  static byte[] devices() { return new byte[] {DEVICE}; }

  static byte[] tokens(String uuid) { return Keys.of(TOKEN, uuid); }

  static byte[] token(String uuid, long tokenId) { return Keys.of(TOKEN, uuid, tokenId); }

  static byte[] event(long seq) { return Keys.of(EVENT, inverted(seq)); }

  static byte[] events() { return new byte[] {EVENT}; }

  static byte[] eventIndex(String uuid, long seq) { return Keys.of(EVENT_INDEX, uuid, inverted(seq)); }

  static byte[] eventIndex(String uuid) { return Keys.of(EVENT_INDEX, uuid); }

  static byte[] data(String uuid, long seq) { return Keys.of(DATA, uuid, inverted(seq)); }

  static byte[] data(String uuid) { return Keys.of(DATA, uuid); }

  static byte[] subscription(String subscriber, String emitter, String type) {
    return Keys.of(SUBSCRIPTION, subscriber, emitter, type);
  }

  static byte[] subscriptions(String subscriber) { return Keys.of(SUBSCRIPTION, subscriber); }

  /** The sequence number stored at the end of an event, index or data key. */
  static long sequenceAtEnd(byte[] key) { return Long.MAX_VALUE - Keys.readLong(key, key.length - 8); }

  private static long inverted(long seq) { return Long.MAX_VALUE - seq; }
}
