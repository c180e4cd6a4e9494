package io.thingtank.aws.protocol;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;
import org.w3c.dom.Document;
import org.xml.sax.SAXException;

/**
 * XML documents with the JDK: StAX for writing responses, a DOM parser with DTDs and external
 * entities off (no XXE) for reading restXml request payloads. Thread-safe.
 */
final class XmlBodies {
  private static final XMLOutputFactory OUTPUT = XMLOutputFactory.newFactory();
  private static final DocumentBuilderFactory INPUT = secureFactory();
  /** Parse errors become the exception we map to MalformedXML; nothing printed to stderr. */
  private static final org.xml.sax.ErrorHandler SILENT = new org.xml.sax.ErrorHandler() {
    @Override public void warning(org.xml.sax.SAXParseException e) {}

    @Override public void error(org.xml.sax.SAXParseException e) throws SAXException { throw e; }

    @Override public void fatalError(org.xml.sax.SAXParseException e) throws SAXException { throw e; }
  };

  private XmlBodies() {}

  /** What a document writer does between the XML declaration and the end of the document. */
  @FunctionalInterface
  interface Content {
    void write(XMLStreamWriter w) throws XMLStreamException;
  }

  static byte[] write(Content content) {
    ByteArrayOutputStream out = new ByteArrayOutputStream(512);
    try {
      XMLStreamWriter w = OUTPUT.createXMLStreamWriter(out, "UTF-8");
      w.writeStartDocument("UTF-8", "1.0");
      content.write(w);
      w.writeEndDocument();
      w.close();
    } catch (XMLStreamException e) {
      throw new IllegalStateException("cannot write XML", e);
    }
    return out.toByteArray();
  }

  /** Writes {@code <name xmlns="namespace">} (no namespace if null). */
  static void startRoot(XMLStreamWriter w, String name, String namespace) throws XMLStreamException {
    w.writeStartElement(name);
    if (namespace != null) w.writeDefaultNamespace(namespace);
  }

  static void textElement(XMLStreamWriter w, String name, String text) throws XMLStreamException {
    w.writeStartElement(name);
    if (text != null) w.writeCharacters(text);
    w.writeEndElement();
  }

  static Document parse(byte[] body) {
    try {
      DocumentBuilder builder = INPUT.newDocumentBuilder();
      builder.setErrorHandler(SILENT);
      return builder.parse(new ByteArrayInputStream(body));
    } catch (SAXException | IOException e) {
      throw new io.thingtank.aws.AwsError("MalformedXML",
          "The XML you provided was not well-formed or did not validate against our published schema", 400);
    } catch (ParserConfigurationException e) {
      throw new IllegalStateException(e);
    }
  }

  private static DocumentBuilderFactory secureFactory() {
    try {
      DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
      f.setNamespaceAware(true);
      f.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
      f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
      f.setFeature("http://xml.org/sax/features/external-general-entities", false);
      f.setFeature("http://xml.org/sax/features/external-parameter-entities", false);
      f.setXIncludeAware(false);
      f.setExpandEntityReferences(false);
      return f;
    } catch (ParserConfigurationException e) {
      throw new IllegalStateException(e);
    }
  }
}
