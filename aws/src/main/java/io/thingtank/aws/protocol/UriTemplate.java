package io.thingtank.aws.protocol;

import io.thingtank.aws.AwsErrors;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A Smithy {@code @http} URI path template ({@code /{Bucket}/{Key+}}): literal segments, labels
 * matching one segment, and a greedy label matching the rest (Smithy "httpLabel", "Greedy labels").
 * Matches raw (percent-encoded) paths; label values are percent-decoded. Immutable.
 */
public final class UriTemplate {
  private sealed interface Segment permits Literal, Label {}

  private record Literal(String text) implements Segment {}

  private record Label(String name, boolean greedy) implements Segment {}

  private final String template;
  private final List<Segment> segments;

  UriTemplate(String template) {
    this.template = template;
    List<Segment> parsed = new ArrayList<>();
    for (String s : split(template)) {
      if (s.startsWith("{") && s.endsWith("}")) {
        String name = s.substring(1, s.length() - 1);
        boolean greedy = name.endsWith("+");
        parsed.add(new Label(greedy ? name.substring(0, name.length() - 1) : name, greedy));
      } else {
        parsed.add(new Literal(s));
      }
    }
    this.segments = List.copyOf(parsed);
  }

  /** Number of literal segments: more literals make a more specific route. */
  public int literalCount() {
    return (int) segments.stream().filter(s -> s instanceof Literal).count();
  }

  /** The label values if {@code rawPath} matches, else null. */
  Map<String, String> match(String rawPath) {
    List<String> parts = split(rawPath);
    Map<String, String> labels = new HashMap<>();
    for (int i = 0; i < segments.size(); i++) {
      Segment seg = segments.get(i);
      if (seg instanceof Label l && l.greedy()) {
        if (i >= parts.size()) return null;
        String rest = String.join("/", parts.subList(i, parts.size()));
        if (rest.isEmpty()) return null;
        labels.put(l.name(), percentDecode(rest));
        return labels;
      }
      if (i >= parts.size()) return null;
      String part = parts.get(i);
      if (seg instanceof Literal lit) {
        if (!lit.text().equals(part)) return null;
      } else if (seg instanceof Label l) {
        if (part.isEmpty()) return null;
        labels.put(l.name(), percentDecode(part));
      }
    }
    boolean trailingSlash = parts.size() == segments.size() + 1 && parts.get(parts.size() - 1).isEmpty();
    return parts.size() == segments.size() || trailingSlash ? labels : null;
  }

  /** Path segments after the leading slash; {@code /b/} gives {@code ["b", ""]}. */
  private static List<String> split(String path) {
    String p = path.startsWith("/") ? path.substring(1) : path;
    List<String> out = new ArrayList<>();
    if (p.isEmpty()) return out;
    int start = 0;
    for (int i = 0; i <= p.length(); i++) {
      if (i == p.length() || p.charAt(i) == '/') {
        out.add(p.substring(start, i));
        start = i + 1;
      }
    }
    return out;
  }

  /** RFC 3986 §2.1 percent-decoding ({@code +} stays a plus). */
  static String percentDecode(String s) {
    if (s.indexOf('%') < 0) return s;
    ByteArrayOutputStream out = new ByteArrayOutputStream(s.length());
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c == '%') {
        if (i + 2 >= s.length()) throw AwsErrors.invalidParameterValue("Malformed percent-encoding in path");
        int hi = Character.digit(s.charAt(i + 1), 16);
        int lo = Character.digit(s.charAt(i + 2), 16);
        if (hi < 0 || lo < 0) throw AwsErrors.invalidParameterValue("Malformed percent-encoding in path");
        out.write((hi << 4) | lo);
        i += 2;
      } else {
        byte[] b = String.valueOf(c).getBytes(StandardCharsets.UTF_8);
        out.write(b, 0, b.length);
      }
    }
    return out.toString(StandardCharsets.UTF_8);
  }

  @Override
  public String toString() { return template; }
}
