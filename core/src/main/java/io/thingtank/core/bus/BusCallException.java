package io.thingtank.core.bus;

import java.util.List;
import java.util.Map;

/** A call or publication failed with a WAMP error URI ({@code wamp.error.not_authorized}, ...). */
public final class BusCallException extends RuntimeException {
  private final String errorUri;
  private final List<Object> args;
  private final Map<String, Object> kwargs;

  public BusCallException(String errorUri, List<Object> args, Map<String, Object> kwargs) {
    super(errorUri + (args == null || args.isEmpty() ? "" : ": " + args.get(0)));
    this.errorUri = errorUri;
    this.args = args == null ? List.of() : args;
    this.kwargs = kwargs == null ? Map.of() : kwargs;
  }

  public String errorUri() { return errorUri; }

  public List<Object> args() { return args; }

  public Map<String, Object> kwargs() { return kwargs; }
}
