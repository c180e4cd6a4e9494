package io.thingtank.core.bus;

import io.vertx.core.Future;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * ThingTank's in-process event bus: the WAMP router's Broker and Dealer seen from Java.
 * Every service publishes here (device messages, MQTT publishes, feed datapoints), and every
 * call goes through the same routing and permission checks as a WAMP client's. Implemented by
 * the WAMP module; other modules find it with {@code platform.lookup(MessageBus.class)}.
 * Methods may be called from any thread; handlers run on a Vert.x context.
 */
public interface MessageBus {
  /** Match policies of WAMP pattern-based subscription and registration. */
  String EXACT = "exact", PREFIX = "prefix", WILDCARD = "wildcard";

  /** Publishes an event; fails with {@link BusCallException} if {@code from} may not publish there. */
  Future<Void> publish(BusPrincipal from, String topic, List<Object> args, Map<String, Object> kwargs);

  /**
   * Whether a publication by {@code from} on {@code topic} would now reach anyone (a subscriber
   * other than {@code from} itself, or a kept event history). A publisher that sends every
   * message of a busy stream (the MQTT bridge) may skip those that reach no one; a subscription
   * made at the same moment may not be seen yet. True when unsure.
   */
  default boolean reaches(BusPrincipal from, String topic) { return true; }

  /** Subscribes {@code handler}; fails with {@link BusCallException} if {@code who} may not subscribe. */
  Future<Registration> subscribe(BusPrincipal who, String topic, String match, Consumer<BusEvent> handler);

  /** Calls a procedure; fails with {@link BusCallException} carrying the callee's error. */
  Future<BusResult> call(BusPrincipal caller, String procedure, List<Object> args, Map<String, Object> kwargs);

  /** Registers a procedure; the function's failure, if a {@link BusCallException}, becomes the ERROR. */
  Future<Registration> register(BusPrincipal callee, String procedure, String match,
      Function<BusEvent, Future<BusResult>> invocation);

  /** A subscription or registration; {@link #close()} undoes it. */
  interface Registration {
    long id();

    Future<Void> close();
  }
}
