package io.thingtank.s3.wire;

import io.vertx.core.buffer.Buffer;
import java.util.ArrayDeque;
import java.util.Deque;

/** Writes an S3 response document (namespace {@code http://s3.amazonaws.com/doc/2006-03-01/}). Not thread-safe. */
public final class XmlOut {
  public static final String NAMESPACE = "http://s3.amazonaws.com/doc/2006-03-01/";
  private final StringBuilder b = new StringBuilder(256).append("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
  private final Deque<String> open = new ArrayDeque<>();

  private XmlOut() {}

  /** A document whose root element carries the S3 namespace. */
  public static XmlOut document(String root) {
    XmlOut x = new XmlOut();
    x.b.append('<').append(root).append(" xmlns=\"").append(NAMESPACE).append("\">");
    x.open.push(root);
    return x;
  }

  /** A document whose root has no namespace (S3's Error). */
  public static XmlOut plain(String root) {
    XmlOut x = new XmlOut();
    x.b.append('<').append(root).append('>');
    x.open.push(root);
    return x;
  }

  public XmlOut open(String name) {
    b.append('<').append(name).append('>');
    open.push(name);
    return this;
  }

  public XmlOut close() {
    b.append("</").append(open.pop()).append('>');
    return this;
  }

  /** Closes an element opened with attributes ({@code open("Grantee xsi:type=...")}) by its bare name. */
  public XmlOut closeAs(String name) {
    open.pop();
    b.append("</").append(name).append('>');
    return this;
  }

  /** {@code <name>text</name>}; nothing when {@code value} is null. */
  public XmlOut el(String name, Object value) {
    if (value == null) return this;
    b.append('<').append(name).append('>');
    escape(String.valueOf(value));
    b.append("</").append(name).append('>');
    return this;
  }

  /** Text content of the currently open element. */
  public XmlOut text(String value) {
    if (value != null) escape(value);
    return this;
  }

  public Buffer toBuffer() {
    while (!open.isEmpty()) close();
    return Buffer.buffer(b.toString());
  }

  private void escape(String s) {
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      switch (c) {
        case '<' -> b.append("&lt;");
        case '>' -> b.append("&gt;");
        case '&' -> b.append("&amp;");
        case '"' -> b.append("&quot;");
        case '\r' -> b.append("&#13;");
        default -> {
          if (c < 0x20 && c != '\n' && c != '\t') b.append("&#").append((int) c).append(';');
          else b.append(c);
        }
      }
    }
  }
}
