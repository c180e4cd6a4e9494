package io.thingtank.mqtt.bridge;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

/**
 * MQTT topic names to WAMP topic URIs and back: {@code a/b/c} is {@code <prefix>.a.b.c}.
 * WAMP URI components (WAMP §16.1.2, loose rules) may not be empty and may not contain '.',
 * '#' or whitespace, so in each MQTT level the characters '%', '.', '#', whitespace and control
 * characters are written as {@code %XX} per UTF-8 byte (upper-case hex), and an empty level as
 * {@code %00} (U+0000 cannot occur in MQTT topics, §1.5.4). Stateless.
 */
public final class TopicMapping {
  private TopicMapping() {}

  public static String toWamp(String prefix, String mqttTopic) {
    StringBuilder b = new StringBuilder(prefix.length() + mqttTopic.length() + 8).append(prefix);
    for (String level : mqttTopic.split("/", -1)) {
      b.append('.');
      if (level.isEmpty()) {
        b.append("%00");
        continue;
      }
      level.codePoints().forEach(cp -> {
        if (cp == '%' || cp == '.' || cp == '#' || Character.isWhitespace(cp) || Character.isISOControl(cp)) {
          for (byte x : new String(Character.toChars(cp)).getBytes(StandardCharsets.UTF_8)) {
            b.append('%').append(String.format("%02X", x & 0xFF));
          }
        } else {
          b.appendCodePoint(cp);
        }
      });
    }
    return b.toString();
  }

  /** The MQTT topic of a WAMP topic under {@code prefix}, or null if it is not under it or malformed. */
  public static String toMqtt(String prefix, String wampTopic) {
    if (!wampTopic.startsWith(prefix + ".")) return null;
    String[] parts = wampTopic.substring(prefix.length() + 1).split("\\.", -1);
    StringBuilder out = new StringBuilder();
    for (int i = 0; i < parts.length; i++) {
      if (i > 0) out.append('/');
      String p = parts[i];
      if (p.isEmpty()) return null;
      if (p.equals("%00")) continue;
      ByteArrayOutputStream bytes = new ByteArrayOutputStream();
      for (int j = 0; j < p.length(); j++) {
        char ch = p.charAt(j);
        if (ch != '%') {
          byte[] u = p.substring(j, Character.isHighSurrogate(ch) ? j + 2 : j + 1).getBytes(StandardCharsets.UTF_8);
          bytes.write(u, 0, u.length);
          if (Character.isHighSurrogate(ch)) j++;
          continue;
        }
        if (j + 2 >= p.length()) return null;
        int hi = Character.digit(p.charAt(j + 1), 16), lo = Character.digit(p.charAt(j + 2), 16);
        if (hi < 0 || lo < 0) return null;
        bytes.write(hi * 16 + lo);
        j += 2;
      }
      out.append(bytes.toString(StandardCharsets.UTF_8));
    }
    return out.toString();
  }
}
