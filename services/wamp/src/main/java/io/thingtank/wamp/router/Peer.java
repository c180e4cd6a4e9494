package io.thingtank.wamp.router;

import io.thingtank.wamp.message.Message;
import io.thingtank.wamp.wire.Encoding;
import java.util.Map;

/**
 * The transport end of a session as the router sees it: a WebSocket, a RawSocket connection or
 * an in-process bus client. Called on the realm's thread; implementations hand writes to their
 * own event loop.
 */
public interface Peer {
  /** The wire encoding, or null for an in-process peer that takes {@link Message} objects. */
  Encoding encoding();

  /** Sends a message; false when it exceeds what this peer accepts (then nothing was sent). */
  boolean send(Message message);

  /** Sends a message already encoded in {@link #encoding()}; false when too large. */
  boolean sendEncoded(io.thingtank.wamp.wire.Encoded message);

  /** The router ended the session (GOODBYE or ABORT already decided): send it and reset. */
  void sessionClosedByRouter(Message goodbye);

  /** Transport details for the session meta API ({@code type}, {@code peer}, ...). */
  Map<String, Object> transportDetails();
}
