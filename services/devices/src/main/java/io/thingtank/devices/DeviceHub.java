package io.thingtank.devices;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.thingtank.devices.hub.Channel;
import io.thingtank.devices.hub.Delivery;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;

/**
 * The device hub's operations as a Java API, for protocol front ends in other modules (SkyNet's
 * MQTT API in the MQTT broker). Devices are JSON objects with a {@code uuid}; a token is never
 * part of a returned device except in {@link #register}'s answer. Failures are
 * {@link io.thingtank.devices.hub.HubException}s carrying SkyNet's status code.
 * Call from a Vert.x context; futures complete on the caller's context. Thread-safe.
 */
public interface DeviceHub {
  /** The device if {@code token} is one of its tokens; fails with 401 otherwise. */
  io.vertx.core.Future<ObjectNode> authenticate(String uuid, String token);

  /** Registers a device (a given {@code uuid} if free, a given {@code token} if any); the answer holds the token. */
  io.vertx.core.Future<ObjectNode> register(ObjectNode properties, String ipAddress);

  /** The device's own view of itself. */
  io.vertx.core.Future<ObjectNode> whoami(String uuid);

  /**
   * SkyNet's update: sets the given properties on {@code uuid} ("" or null removes one) if
   * {@code from} may configure it or {@code properties.token} is its token. Answers the changes.
   */
  io.vertx.core.Future<ObjectNode> update(ObjectNode from, String uuid, ObjectNode properties);

  /** Sends a message ({@code devices}: a uuid, a list, or "*"/"all"); answers the message as routed. */
  io.vertx.core.Future<ObjectNode> sendMessage(ObjectNode from, ObjectNode message);

  /**
   * SkyNet's {@code sendMessage} under another event name than {@code message}: {@code tb} (a
   * text message or text broadcast) or {@code messageAck} (a device acknowledging a message).
   * Routed and permission-checked like {@link #sendMessage(ObjectNode, ObjectNode)}; receivers
   * get {@link Delivery#event()} = {@code event}.
   */
  io.vertx.core.Future<ObjectNode> sendMessage(ObjectNode from, ObjectNode message, String event);

  /**
   * SkyNet's resetToken: replaces every token of {@code uuid} with one new token if {@code from}
   * may configure it (401 otherwise, 404 for an unknown device). Answers the new token; only its
   * salted hash is stored, and the old tokens stop working.
   */
  io.vertx.core.Future<String> resetToken(ObjectNode from, String uuid);

  /** Stores a sensor data record for {@code uuid} and broadcasts it; answers the stored record. */
  io.vertx.core.Future<ObjectNode> saveData(ObjectNode from, String uuid, ObjectNode data);

  /** The newest {@code limit} data records of {@code uuid}. */
  io.vertx.core.Future<List<ObjectNode>> data(ObjectNode from, String uuid, int limit, long fromMillis, long toMillis);

  /**
   * Subscribes {@code sink} to {@code uuid}'s channels, each checked against {@code who}'s
   * permissions (fails with 401 if none is allowed). Deliveries run on the caller's context.
   */
  io.vertx.core.Future<Subscribed> subscribe(ObjectNode who, String uuid, Set<Channel> channels, Consumer<Delivery> sink);

  /** A live subscription; {@link #close()} ends it. */
  interface Subscribed extends AutoCloseable {
    Set<Channel> channels();

    @Override
    void close();
  }
}
