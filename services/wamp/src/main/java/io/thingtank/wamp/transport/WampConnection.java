package io.thingtank.wamp.transport;

import io.thingtank.wamp.auth.AuthResult;
import io.thingtank.wamp.auth.AuthStep;
import io.thingtank.wamp.auth.Authenticator;
import io.thingtank.wamp.auth.Role;
import io.thingtank.wamp.message.Message;
import io.thingtank.wamp.message.MessageParser;
import io.thingtank.wamp.message.ProtocolViolation;
import io.thingtank.wamp.message.WampUris;
import io.thingtank.wamp.router.Peer;
import io.thingtank.wamp.router.Realm;
import io.thingtank.wamp.router.Router;
import io.thingtank.wamp.router.Session;
import io.thingtank.wamp.router.UriRules;
import io.thingtank.wamp.wire.Batching;
import io.thingtank.wamp.wire.Encoded;
import io.thingtank.wamp.wire.Encoding;
import io.thingtank.wamp.wire.MalformedMessageException;
import io.vertx.core.Context;
import io.vertx.core.Vertx;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * One WAMP connection, independent of the transport: decodes messages, runs session
 * opening and closing (WAMP §7: HELLO, CHALLENGE/AUTHENTICATE, WELCOME, ABORT, GOODBYE) and
 * hands an established session's messages to its {@link Realm}. Protocol violations abort
 * the session and close the transport. Runs on the connection's event loop; the realm calls
 * the {@link Peer} methods from its own thread.
 */
public final class WampConnection implements Peer {
  private enum State { OPENING, CHALLENGED, ESTABLISHED, CLOSING, CLOSED }

  private final Router router;
  private final Encoding encoding;
  private final Transport transport;
  private final Context context;
  private State state = State.OPENING;
  private Realm realm;
  private Session session;
  private long pendingId;
  private Map<String, Object> pendingRoles;
  private AuthStep.Challenge challenge;

  public WampConnection(Router router, Encoding encoding, Transport transport) {
    this.router = router;
    this.encoding = encoding;
    this.transport = transport;
    this.context = Vertx.currentContext();
  }

  /** One transport message (several WAMP messages when batched). Connection thread. */
  public void onFrame(byte[] frame) {
    if (state == State.CLOSED) return;
    try {
      if (encoding.batched()) {
        for (byte[] m : Batching.split(encoding.serializer(), frame)) onMessage(m);
      } else {
        onMessage(frame);
      }
    } catch (MalformedMessageException | ProtocolViolation e) {
      abort(WampUris.PROTOCOL_VIOLATION, e.getMessage());
    }
  }

  private void onMessage(byte[] bytes) {
    if (state == State.CLOSED) return;
    Message m = MessageParser.parse(encoding.serializer().decode(bytes));
    if (bytes.length > router.maxMessageSize() && tooLarge(m, bytes.length)) return;
    switch (state) {
      case OPENING -> {
        if (!(m instanceof Message.Hello h)) throw new ProtocolViolation("expected HELLO");
        hello(h);
      }
      case CHALLENGED -> {
        switch (m) {
          case Message.Authenticate a -> authenticate(a);
          case Message.Abort a -> transport.close();
          default -> throw new ProtocolViolation("expected AUTHENTICATE");
        }
      }
      case ESTABLISHED -> established(m);
      case CLOSING -> {
        if (m instanceof Message.Goodbye) state = State.OPENING;
      }
      default -> { }
    }
  }

  /** A message over the size limit: the request fails with payload_size_exceeded, or the session ends. */
  private boolean tooLarge(Message m, int size) {
    String why = "message of " + size + " bytes exceeds the limit of " + router.maxMessageSize();
    Session s = session;
    switch (m) {
      case Message.Call c when s != null -> realm.execute(() -> send(new Message.Error(Message.CALL, c.request(),
          Map.of(), WampUris.PAYLOAD_SIZE_EXCEEDED, List.of(why), Map.of())));
      case Message.Publish p when s != null -> {
        if (Boolean.TRUE.equals(p.options().get("acknowledge"))) {
          realm.execute(() -> send(new Message.Error(Message.PUBLISH, p.request(), Map.of(),
              WampUris.PAYLOAD_SIZE_EXCEEDED, List.of(why), Map.of())));
        }
      }
      default -> abort(WampUris.PAYLOAD_SIZE_EXCEEDED, why);
    }
    return true;
  }

  private void established(Message m) {
    Session s = session;
    Realm r = realm;
    switch (m) {
      case Message.Goodbye g -> {
        session = null;
        state = State.OPENING;
        r.execute(() -> {
          r.leave(s);
          send(new Message.Goodbye(Map.of(), WampUris.GOODBYE_AND_OUT));
        });
      }
      case Message.Abort a -> {
        leave();
        state = State.CLOSED;
        transport.close();
      }
      case Message.Hello h -> throw new ProtocolViolation("HELLO in an established session");
      case Message.Authenticate a -> throw new ProtocolViolation("AUTHENTICATE in an established session");
      default -> r.execute(() -> {
        try {
          r.handle(s, m);
        } catch (ProtocolViolation e) {
          if (s.open()) {
            r.leave(s);
            context.runOnContext(v -> abort(WampUris.PROTOCOL_VIOLATION, e.getMessage()));
          }
        }
      });
    }
  }

  private void hello(Message.Hello h) {
    if (!UriRules.valid(h.realm(), false)) throw new ProtocolViolation("invalid realm URI");
    Realm r = router.realm(h.realm());
    if (r == null) {
      abort(WampUris.NO_SUCH_REALM, "no realm '" + h.realm() + "'");
      return;
    }
    Map<String, Object> d = h.details();
    if (!(d.get("roles") instanceof Map<?, ?> roles) || roles.isEmpty()) {
      throw new ProtocolViolation("HELLO.Details.roles is required");
    }
    Authenticator auth = pickAuthenticator(d.get("authmethods"));
    if (auth == null) {
      abort(WampUris.NO_AUTH_METHOD, "none of the offered authentication methods is enabled");
      return;
    }
    @SuppressWarnings("unchecked") Map<String, Object> clientRoles = (Map<String, Object>) roles;
    realm = r;
    pendingRoles = clientRoles;
    pendingId = router.newSessionId();
    String authid = d.get("authid") instanceof String s ? s : null;
    state = State.CHALLENGED;
    auth.start(r.name(), authid, d, pendingId).onComplete(ar -> step(ar.succeeded() ? ar.result()
        : new AuthStep.Reject(WampUris.AUTHENTICATION_FAILED, String.valueOf(ar.cause()))));
  }

  private Authenticator pickAuthenticator(Object offered) {
    List<?> methods = offered instanceof List<?> l ? l : List.of("anonymous");
    for (Object m : methods) {
      Authenticator a = m instanceof String s ? router.authenticator(s) : null;
      if (a != null) return a;
    }
    return null;
  }

  private void authenticate(Message.Authenticate a) {
    AuthStep.Challenge c = challenge;
    if (c == null) throw new ProtocolViolation("AUTHENTICATE before CHALLENGE");
    challenge = null;
    c.verify().apply(new AuthStep.Authenticate(a.signature(), a.extra())).onComplete(ar -> step(ar.succeeded()
        ? ar.result() : new AuthStep.Reject(WampUris.AUTHENTICATION_FAILED, String.valueOf(ar.cause()))));
  }

  private void step(AuthStep step) {
    if (state != State.CHALLENGED) return;
    switch (step) {
      case AuthStep.Reject r -> abort(r.reason(), r.message());
      case AuthStep.Challenge c -> {
        challenge = c;
        writeNow(new Message.Challenge(c.method(), c.extra()));
      }
      case AuthStep.Accept a -> welcome(a.result());
    }
  }

  private void welcome(AuthResult who) {
    Role role = realm.config().role(who.authrole());
    if (role == null) {
      abort(WampUris.NO_SUCH_ROLE, "no role '" + who.authrole() + "' in realm " + realm.name());
      return;
    }
    Session s = new Session(pendingId, who, role, this, pendingRoles);
    session = s;
    state = State.ESTABLISHED;
    Map<String, Object> d = new HashMap<>();
    d.put("realm", realm.name());
    d.put("authid", who.authid());
    d.put("authrole", who.authrole());
    d.put("authmethod", who.authmethod());
    d.put("authprovider", who.authprovider());
    if (!who.authextra().isEmpty()) d.put("authextra", who.authextra());
    d.put("roles", Router.features());
    Realm r = realm;
    r.execute(() -> {
      send(new Message.Welcome(s.id(), d));
      r.join(s);
    });
  }

  /** ABORT (WAMP §7.1.3) and close; the session, if any, leaves its realm. */
  private void abort(String reason, String message) {
    if (state == State.CLOSED) return;
    leave();
    Map<String, Object> d = new HashMap<>();
    if (message != null) d.put("message", message);
    writeNow(new Message.Abort(d, reason));
    state = State.CLOSED;
    transport.close();
  }

  private void leave() {
    Session s = session;
    session = null;
    if (s != null) realm.execute(() -> realm.leave(s));
  }

  /** The transport closed. Connection thread. */
  public void onClose() {
    leave();
    state = State.CLOSED;
  }

  private void writeNow(Message m) { transport.write(new Encoded(encoding.encode(m.toWire()))); }

  // ---- Peer (realm thread) ----

  @Override public Encoding encoding() { return encoding; }

  @Override
  public boolean send(Message message) { return sendEncoded(new Encoded(encoding.encode(message.toWire()))); }

  @Override
  public boolean sendEncoded(Encoded message) {
    if (message.length() > transport.maxOutbound()) return false;
    transport.write(message);
    return true;
  }

  @Override
  public void sessionClosedByRouter(Message goodbye) {
    send(goodbye);
    context.runOnContext(v -> {
      if (state == State.ESTABLISHED) {
        session = null;
        state = State.CLOSING;
      }
    });
  }

  @Override public Map<String, Object> transportDetails() { return transport.details(); }
}
