package io.thingtank.wamp.message;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * The WAMP messages (WAMP §6.5 and §14.1.2 message codes), one record each. {@code args} and
 * {@code kwargs} are never null inside the router: an absent or null payload is an empty
 * list or map, and {@link #toWire()} leaves out empty trailing payload elements, so we never
 * send a null kwargs (Autobahn rejects it).
 */
public sealed interface Message {
  int HELLO = 1, WELCOME = 2, ABORT = 3, CHALLENGE = 4, AUTHENTICATE = 5, GOODBYE = 6, ERROR = 8,
      PUBLISH = 16, PUBLISHED = 17, SUBSCRIBE = 32, SUBSCRIBED = 33, UNSUBSCRIBE = 34,
      UNSUBSCRIBED = 35, EVENT = 36, CALL = 48, CANCEL = 49, RESULT = 50, REGISTER = 64,
      REGISTERED = 65, UNREGISTER = 66, UNREGISTERED = 67, INVOCATION = 68, INTERRUPT = 69,
      YIELD = 70;

  /** The message as the list the serializers write. */
  List<Object> toWire();

  record Hello(String realm, Map<String, Object> details) implements Message {
    public List<Object> toWire() { return List.of(HELLO, realm, details); }
  }

  record Welcome(long session, Map<String, Object> details) implements Message {
    public List<Object> toWire() { return List.of(WELCOME, session, details); }
  }

  record Abort(Map<String, Object> details, String reason) implements Message {
    public List<Object> toWire() { return List.of(ABORT, details, reason); }
  }

  record Challenge(String authMethod, Map<String, Object> extra) implements Message {
    public List<Object> toWire() { return List.of(CHALLENGE, authMethod, extra); }
  }

  record Authenticate(String signature, Map<String, Object> extra) implements Message {
    public List<Object> toWire() { return List.of(AUTHENTICATE, signature, extra); }
  }

  record Goodbye(Map<String, Object> details, String reason) implements Message {
    public List<Object> toWire() { return List.of(GOODBYE, details, reason); }
  }

  record Error(int requestType, long request, Map<String, Object> details, String error,
      List<Object> args, Map<String, Object> kwargs) implements Message {
    public List<Object> toWire() { return payload(args, kwargs, ERROR, requestType, request, details, error); }
  }

  record Publish(long request, Map<String, Object> options, String topic,
      List<Object> args, Map<String, Object> kwargs) implements Message {
    public List<Object> toWire() { return payload(args, kwargs, PUBLISH, request, options, topic); }
  }

  record Published(long request, long publication) implements Message {
    public List<Object> toWire() { return List.of(PUBLISHED, request, publication); }
  }

  record Subscribe(long request, Map<String, Object> options, String topic) implements Message {
    public List<Object> toWire() { return List.of(SUBSCRIBE, request, options, topic); }
  }

  record Subscribed(long request, long subscription) implements Message {
    public List<Object> toWire() { return List.of(SUBSCRIBED, request, subscription); }
  }

  record Unsubscribe(long request, long subscription) implements Message {
    public List<Object> toWire() { return List.of(UNSUBSCRIBE, request, subscription); }
  }

  /** {@code request} 0 with details is a router-initiated revocation (WAMP §14.3.11, §14.4.9). */
  record Unsubscribed(long request, Map<String, Object> details) implements Message {
    public List<Object> toWire() {
      return details.isEmpty() ? List.of(UNSUBSCRIBED, request) : List.of(UNSUBSCRIBED, request, details);
    }
  }

  record Event(long subscription, long publication, Map<String, Object> details,
      List<Object> args, Map<String, Object> kwargs) implements Message {
    public List<Object> toWire() { return payload(args, kwargs, EVENT, subscription, publication, details); }
  }

  record Call(long request, Map<String, Object> options, String procedure,
      List<Object> args, Map<String, Object> kwargs) implements Message {
    public List<Object> toWire() { return payload(args, kwargs, CALL, request, options, procedure); }
  }

  record Cancel(long request, Map<String, Object> options) implements Message {
    public List<Object> toWire() { return List.of(CANCEL, request, options); }
  }

  record Result(long request, Map<String, Object> details, List<Object> args,
      Map<String, Object> kwargs) implements Message {
    public List<Object> toWire() { return payload(args, kwargs, RESULT, request, details); }
  }

  record Register(long request, Map<String, Object> options, String procedure) implements Message {
    public List<Object> toWire() { return List.of(REGISTER, request, options, procedure); }
  }

  record Registered(long request, long registration) implements Message {
    public List<Object> toWire() { return List.of(REGISTERED, request, registration); }
  }

  record Unregister(long request, long registration) implements Message {
    public List<Object> toWire() { return List.of(UNREGISTER, request, registration); }
  }

  record Unregistered(long request, Map<String, Object> details) implements Message {
    public List<Object> toWire() {
      return details.isEmpty() ? List.of(UNREGISTERED, request) : List.of(UNREGISTERED, request, details);
    }
  }

  record Invocation(long request, long registration, Map<String, Object> details,
      List<Object> args, Map<String, Object> kwargs) implements Message {
    public List<Object> toWire() { return payload(args, kwargs, INVOCATION, request, registration, details); }
  }

  record Interrupt(long request, Map<String, Object> options) implements Message {
    public List<Object> toWire() { return List.of(INTERRUPT, request, options); }
  }

  record Yield(long request, Map<String, Object> options, List<Object> args,
      Map<String, Object> kwargs) implements Message {
    public List<Object> toWire() { return payload(args, kwargs, YIELD, request, options); }
  }

  /** Head elements, then args and kwargs only when needed (WAMP §6.7: empty trailing payload is omitted). */
  private static List<Object> payload(List<Object> args, Map<String, Object> kwargs, Object... head) {
    List<Object> out = new ArrayList<>(head.length + 2);
    out.addAll(Arrays.asList(head));
    boolean hasKw = kwargs != null && !kwargs.isEmpty();
    if (hasKw || (args != null && !args.isEmpty())) out.add(args == null ? List.of() : args);
    if (hasKw) out.add(kwargs);
    return out;
  }
}
