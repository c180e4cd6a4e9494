package io.thingtank.aws.auth;

import java.nio.charset.StandardCharsets;

/** URI encoding as SigV4 specifies it: RFC 3986 unreserved characters stay, all else is %XX (upper hex). */
public final class AwsUriEncoding {
  private static final char[] HEX = "0123456789ABCDEF".toCharArray();

  private AwsUriEncoding() {}

  public static String encode(String s, boolean keepSlash) {
    StringBuilder b = new StringBuilder(s.length() + 16);
    for (byte x : s.getBytes(StandardCharsets.UTF_8)) {
      int c = x & 0xFF;
      if ((c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')
          || c == '-' || c == '_' || c == '.' || c == '~' || (keepSlash && c == '/')) {
        b.append((char) c);
      } else {
        b.append('%').append(HEX[c >> 4]).append(HEX[c & 0xF]);
      }
    }
    return b.toString();
  }
}
