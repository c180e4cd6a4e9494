package io.thingtank.s3.wire;

import io.thingtank.s3.S3Errors;
import java.io.ByteArrayInputStream;
import java.util.ArrayList;
import java.util.List;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

/**
 * Reads a request document (CreateBucketConfiguration, Delete, CompleteMultipartUpload, ...).
 * DTDs and external entities are refused. Anything not well-formed is S3's MalformedXML.
 * Element names match by local name, with or without the S3 namespace.
 */
public final class XmlIn {
  private final Element element;

  private XmlIn(Element element) { this.element = element; }

  public static XmlIn parse(byte[] body, String expectedRoot) {
    try {
      DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
      f.setNamespaceAware(true);
      f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
      f.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
      f.setXIncludeAware(false);
      f.setExpandEntityReferences(false);
      DocumentBuilder db = f.newDocumentBuilder();
      db.setErrorHandler(null);
      Element root = db.parse(new ByteArrayInputStream(body)).getDocumentElement();
      if (expectedRoot != null && !expectedRoot.equals(root.getLocalName())) throw S3Errors.malformedXml();
      return new XmlIn(root);
    } catch (io.thingtank.aws.AwsError e) {
      throw e;
    } catch (Exception e) {
      throw S3Errors.malformedXml();
    }
  }

  public List<XmlIn> children(String name) {
    List<XmlIn> out = new ArrayList<>();
    for (Node n = element.getFirstChild(); n != null; n = n.getNextSibling()) {
      if (n instanceof Element e && name.equals(e.getLocalName())) out.add(new XmlIn(e));
    }
    return out;
  }

  public XmlIn child(String name) {
    List<XmlIn> c = children(name);
    return c.isEmpty() ? null : c.get(0);
  }

  /** The text of the first child {@code name}, or null. */
  public String text(String name) {
    XmlIn c = child(name);
    return c == null ? null : c.element.getTextContent();
  }

  public String text() { return element.getTextContent(); }
}
