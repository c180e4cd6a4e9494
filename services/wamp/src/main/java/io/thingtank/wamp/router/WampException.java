package io.thingtank.wamp.router;

import java.util.List;
import java.util.Map;

/** A request failed with a WAMP error URI: becomes an ERROR message to the requester. */
public final class WampException extends RuntimeException {
  private final String uri;
  private final List<Object> args;
  private final Map<String, Object> kwargs;

  public WampException(String uri, String message) {
    this(uri, message == null ? List.of() : List.of(message), Map.of());
  }

  public WampException(String uri, List<Object> args, Map<String, Object> kwargs) {
    super(uri + (args.isEmpty() ? "" : ": " + args.get(0)), null, false, false);
    this.uri = uri;
    this.args = args;
    this.kwargs = kwargs;
  }

  public String uri() { return uri; }

  public List<Object> args() { return args; }

  public Map<String, Object> kwargs() { return kwargs; }
}
