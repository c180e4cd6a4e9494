package io.thingtank.aws.protocol;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import software.amazon.awssdk.core.SdkField;
import software.amazon.awssdk.core.SdkPojo;
import software.amazon.awssdk.core.protocol.MarshallLocation;
import software.amazon.awssdk.core.traits.ListTrait;
import software.amazon.awssdk.core.traits.MapTrait;
import software.amazon.awssdk.core.traits.TimestampFormatTrait.Format;
import software.amazon.awssdk.core.traits.XmlAttributeTrait;

/**
 * Fills SDK model builders from XML elements (restXml request payloads; Smithy "XML shape
 * serialization"): members by {@code locationName}, wrapped or flattened lists and maps as the
 * traits say, {@code @xmlAttribute} members from attributes. Elements are matched by local name.
 * Stateless and thread-safe.
 */
final class XmlShapeReader {

  SdkPojo readStruct(SdkPojo builder, Element element) {
    for (SdkField<?> f : builder.sdkFields()) {
      if (f.location() != MarshallLocation.PAYLOAD) continue;
      Object v = f.containsTrait(XmlAttributeTrait.class) ? attribute(f, element) : member(f, element);
      if (v != null) Pojos.set(f, builder, v);
    }
    return builder;
  }

  private Object member(SdkField<?> f, Element parent) {
    String name = f.locationName();
    switch (f.marshallingType().getKnownType()) {
      case LIST -> {
        ListTrait trait = f.getTrait(ListTrait.class);
        if (trait.isFlattened()) {
          List<Element> items = children(parent, name);
          return items.isEmpty() ? null : listOf(trait.memberFieldInfo(), items);
        }
      }
      case MAP -> {
        if (f.getTrait(MapTrait.class).isFlattened()) {
          List<Element> entries = children(parent, name);
          return entries.isEmpty() ? null : mapOf(f, entries);
        }
      }
      default -> { }
    }
    Element child = firstChild(parent, name);
    return child == null ? null : value(f, child);
  }

  private Object value(SdkField<?> f, Element e) {
    return switch (f.marshallingType().getKnownType()) {
      case SDK_POJO -> Pojos.build(readStruct(f.constructor().get(), e));
      case LIST -> listOf(Pojos.listMember(f), children(e, null));
      case MAP -> mapOf(f, children(e, null));
      case DOCUMENT -> null;
      default -> Scalars.parse(f, e.getTextContent(), Format.ISO_8601);
    };
  }

  private List<Object> listOf(SdkField<?> member, List<Element> items) {
    List<Object> out = new ArrayList<>(items.size());
    for (Element item : items) out.add(value(member, item));
    return out;
  }

  private Map<String, Object> mapOf(SdkField<?> f, List<Element> entries) {
    MapTrait trait = f.getTrait(MapTrait.class);
    String keyName = QueryShapeReader.orDefault(trait.keyLocationName(), "key");
    String valueName = QueryShapeReader.orDefault(trait.valueLocationName(), "value");
    Map<String, Object> out = new LinkedHashMap<>();
    for (Element entry : entries) {
      Element key = firstChild(entry, keyName);
      Element value = firstChild(entry, valueName);
      if (key != null) out.put(key.getTextContent(), value == null ? null : value(trait.valueFieldInfo(), value));
    }
    return out;
  }

  private static Object attribute(SdkField<?> f, Element e) {
    String name = f.locationName();
    String text = name.startsWith("xsi:")
        ? e.getAttributeNS(XmlShapeWriter.XSI, name.substring(4)) : e.getAttribute(name);
    return text.isEmpty() ? null : Scalars.parse(f, text, Format.ISO_8601);
  }

  /** Child elements with the given local name, or all child elements if {@code name} is null. */
  private static List<Element> children(Element parent, String name) {
    List<Element> out = new ArrayList<>();
    for (Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
      if (n instanceof Element e && (name == null || name.equals(localName(e)))) out.add(e);
    }
    return out;
  }

  private static Element firstChild(Element parent, String name) {
    for (Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
      if (n instanceof Element e && name.equals(localName(e))) return e;
    }
    return null;
  }

  private static String localName(Element e) {
    return e.getLocalName() != null ? e.getLocalName() : e.getTagName();
  }
}
