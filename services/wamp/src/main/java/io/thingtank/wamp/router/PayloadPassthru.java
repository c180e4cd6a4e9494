package io.thingtank.wamp.router;

import java.util.Map;

/**
 * Payload passthru mode (newer WAMP spec, not in the 2017 draft; Autobahn's "payload_transparency"): the router forwards
 * the {@code ppt_*} options of PUBLISH/CALL/YIELD/ERROR into the details it sends on, and
 * the payload unchanged.
 */
final class PayloadPassthru {
  private static final String[] KEYS = {"ppt_scheme", "ppt_serializer", "ppt_cipher", "ppt_keyid"};

  private PayloadPassthru() {}

  static void copy(Map<String, Object> from, Map<String, Object> to) {
    if (from.isEmpty()) return;
    for (String k : KEYS) {
      Object v = from.get(k);
      if (v != null) to.put(k, v);
    }
  }
}
