package io.thingtank.core.net;

/** Formatting of endpoint lines for the start banner. */
public final class Endpoints {
  private Endpoints() {}

  /** The host to print for a bind address: the wildcard address is shown as localhost. */
  public static String displayHost(String bindHost) {
    return "0.0.0.0".equals(bindHost) || "::".equals(bindHost) ? "localhost" : bindHost;
  }

  /** One banner line: a padded label and a URL. */
  public static String line(String label, String url) {
    return String.format("%-12s%s", label, url);
  }
}
