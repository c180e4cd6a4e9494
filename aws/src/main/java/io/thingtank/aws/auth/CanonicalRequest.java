package io.thingtank.aws.auth;

import io.thingtank.aws.AwsErrors;
import io.thingtank.aws.protocol.AwsHttpRequest;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** Builds the SigV4 canonical request (method, URI, query, headers, signed headers, payload hash). */
final class CanonicalRequest {
  private CanonicalRequest() {}

  static String build(AwsHttpRequest req, String signedHeaders, String payloadHash, boolean s3Rules,
      String excludedParam) {
    StringBuilder b = new StringBuilder(256);
    b.append(req.method()).append('\n');
    b.append(canonicalUri(req.rawPath(), s3Rules)).append('\n');
    b.append(canonicalQuery(req.rawQuery(), excludedParam)).append('\n');
    for (String name : signedHeaders.split(";")) {
      String n = name.trim().toLowerCase(Locale.ROOT);
      List<String> values = req.headers().get(n);
      if (values == null) {
        throw AwsErrors.signatureDoesNotMatch();
      }
      b.append(n).append(':');
      for (int i = 0; i < values.size(); i++) {
        if (i > 0) b.append(',');
        appendValue(b, values.get(i));
      }
      b.append('\n');
    }
    b.append('\n').append(signedHeaders).append('\n').append(payloadHash);
    return b.toString();
  }

  /** A header value trimmed, runs of spaces collapsed to one ("Create a canonical request", CanonicalHeaders). */
  static void appendValue(StringBuilder b, String value) {
    String v = value.trim();
    if (v.indexOf("  ") < 0) {
      b.append(v);
      return;
    }
    for (int i = 0; i < v.length(); i++) {
      char c = v.charAt(i);
      if (c != ' ' || v.charAt(i - 1) != ' ') b.append(c);
    }
  }

  static String canonicalUri(String rawPath, boolean s3Rules) {
    String path = rawPath == null || rawPath.isEmpty() ? "/" : rawPath;
    if (s3Rules) {
      return AwsUriEncoding.encode(percentDecode(path), true);
    }
    return AwsUriEncoding.encode(path, true);
  }

  static String canonicalQuery(String rawQuery, String excludedParam) {
    if (rawQuery == null || rawQuery.isEmpty()) return "";
    List<String[]> pairs = new ArrayList<>();
    for (Map.Entry<String, List<String>> e : AwsHttpRequest.parseForm(rawQuery.replace("+", "%20")).entrySet()) {
      if (e.getKey().equals(excludedParam)) continue;
      String k = AwsUriEncoding.encode(e.getKey(), false);
      for (String v : e.getValue()) pairs.add(new String[] {k, AwsUriEncoding.encode(v, false)});
    }
    pairs.sort((a, c) -> {
      int x = a[0].compareTo(c[0]);
      return x != 0 ? x : a[1].compareTo(c[1]);
    });
    StringBuilder b = new StringBuilder();
    for (String[] p : pairs) {
      if (b.length() > 0) b.append('&');
      b.append(p[0]).append('=').append(p[1]);
    }
    return b.toString();
  }

  /** Decodes %XX sequences only ('+' stays '+', as in a path). */
  static String percentDecode(String s) {
    if (s.indexOf('%') < 0) return s;
    java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream(s.length());
    int i = 0;
    while (i < s.length()) {
      char c = s.charAt(i);
      if (c == '%' && i + 2 < s.length()) {
        int hi = Character.digit(s.charAt(i + 1), 16), lo = Character.digit(s.charAt(i + 2), 16);
        if (hi >= 0 && lo >= 0) {
          out.write(hi * 16 + lo);
          i += 3;
          continue;
        }
      }
      int cp = s.codePointAt(i);
      out.writeBytes(new String(Character.toChars(cp)).getBytes(java.nio.charset.StandardCharsets.UTF_8));
      i += Character.charCount(cp);
    }
    return out.toString(java.nio.charset.StandardCharsets.UTF_8);
  }
}
