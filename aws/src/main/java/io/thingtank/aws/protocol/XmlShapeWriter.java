package io.thingtank.aws.protocol;

import java.util.List;
import java.util.Map;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;
import software.amazon.awssdk.core.SdkField;
import software.amazon.awssdk.core.SdkPojo;
import software.amazon.awssdk.core.protocol.MarshallLocation;
import software.amazon.awssdk.core.traits.ListTrait;
import software.amazon.awssdk.core.traits.MapTrait;
import software.amazon.awssdk.core.traits.TimestampFormatTrait.Format;
import software.amazon.awssdk.core.traits.XmlAttributeTrait;

/**
 * Writes SDK model objects as XML elements (Smithy "XML shape serialization", used by awsQuery,
 * ec2Query and restXml responses): members by {@code unmarshallLocationName}; lists wrapped with
 * their member name, or repeated when flattened; maps as {@code entry/key/value} with the map
 * trait's names, or repeated when flattened; {@code @xmlAttribute} members as attributes.
 * Timestamps ISO 8601 unless the member says otherwise. Stateless and thread-safe.
 */
final class XmlShapeWriter {
  static final String XSI = "http://www.w3.org/2001/XMLSchema-instance";

  private final QueryMemberNames names;

  XmlShapeWriter(QueryMemberNames names) { this.names = names; }

  /** Writes the payload members of {@code pojo} as child elements of the current element. */
  void writeMembers(XMLStreamWriter w, Object pojo) throws XMLStreamException {
    Class<?> owner = pojo.getClass();
    for (SdkField<?> f : ((SdkPojo) pojo).sdkFields()) {
      if (f.location() != MarshallLocation.PAYLOAD || f.containsTrait(XmlAttributeTrait.class)) continue;
      Object v = Pojos.value(f, pojo);
      if (v == null) continue;
      QueryMemberName override = names.of(owner, f);
      if (override == null) writeMember(w, f.unmarshallLocationName(), f, v);
      else writeRenamed(w, override, f, v);
    }
  }

  private void writeRenamed(XMLStreamWriter w, QueryMemberName override, SdkField<?> f, Object v)
      throws XMLStreamException {
    switch (f.marshallingType().getKnownType()) {
      case LIST -> {
        if (!override.flattened()) {
          writeValue(w, override.name(), f, v);
          return;
        }
        for (Object e : (List<?>) v) writeValue(w, override.name(), Pojos.listMember(f), e);
      }
      case MAP -> {
        if (!override.flattened()) w.writeStartElement(override.name());
        writeEntries(w, override.flattened() ? override.name() : "entry", f, (Map<?, ?>) v,
            override.key(), override.value());
        if (!override.flattened()) w.writeEndElement();
      }
      default -> writeValue(w, override.name(), f, v);
    }
  }

  /** Writes {@code <name>} with the structure's attributes and members. */
  void writeStructElement(XMLStreamWriter w, String name, Object pojo) throws XMLStreamException {
    w.writeStartElement(name);
    writeAttributes(w, pojo);
    writeMembers(w, pojo);
    w.writeEndElement();
  }

  private void writeMember(XMLStreamWriter w, String name, SdkField<?> f, Object v) throws XMLStreamException {
    switch (f.marshallingType().getKnownType()) {
      case LIST -> {
        ListTrait trait = f.getTrait(ListTrait.class);
        if (trait.isFlattened()) {
          for (Object e : (List<?>) v) writeValue(w, name, trait.memberFieldInfo(), e);
        } else {
          writeValue(w, name, f, v);
        }
      }
      case MAP -> {
        if (f.getTrait(MapTrait.class).isFlattened()) writeEntries(w, name, f, (Map<?, ?>) v, null, null);
        else writeValue(w, name, f, v);
      }
      default -> writeValue(w, name, f, v);
    }
  }

  private void writeValue(XMLStreamWriter w, String name, SdkField<?> f, Object v) throws XMLStreamException {
    switch (f.marshallingType().getKnownType()) {
      case SDK_POJO -> writeStructElement(w, name, v);
      case LIST -> {
        ListTrait trait = f.getTrait(ListTrait.class);
        SdkField<?> member = trait.memberFieldInfo();
        String memberName = QueryShapeReader.orDefault(member.unmarshallLocationName(),
            QueryShapeReader.memberName(trait));
        w.writeStartElement(name);
        for (Object e : (List<?>) v) writeValue(w, memberName, member, e);
        w.writeEndElement();
      }
      case MAP -> {
        w.writeStartElement(name);
        writeEntries(w, "entry", f, (Map<?, ?>) v, null, null);
        w.writeEndElement();
      }
      default -> {
        w.writeStartElement(name);
        w.writeCharacters(Scalars.format(f, v, Format.ISO_8601));
        w.writeEndElement();
      }
    }
  }

  private void writeEntries(XMLStreamWriter w, String entryName, SdkField<?> f, Map<?, ?> map,
      String keyName, String valueName) throws XMLStreamException {
    MapTrait trait = f.getTrait(MapTrait.class);
    String key = keyName != null ? keyName : QueryShapeReader.orDefault(trait.keyLocationName(), "key");
    String value = valueName != null ? valueName : QueryShapeReader.orDefault(trait.valueLocationName(), "value");
    for (Map.Entry<?, ?> e : map.entrySet()) {
      w.writeStartElement(entryName);
      w.writeStartElement(key);
      w.writeCharacters(String.valueOf(e.getKey()));
      w.writeEndElement();
      if (e.getValue() != null) writeValue(w, value, trait.valueFieldInfo(), e.getValue());
      w.writeEndElement();
    }
  }

  private void writeAttributes(XMLStreamWriter w, Object pojo) throws XMLStreamException {
    for (SdkField<?> f : ((SdkPojo) pojo).sdkFields()) {
      if (!f.containsTrait(XmlAttributeTrait.class)) continue;
      Object v = Pojos.value(f, pojo);
      if (v == null) continue;
      String name = f.unmarshallLocationName();
      if (name.startsWith("xsi:")) {
        w.writeNamespace("xsi", XSI);
        w.writeAttribute("xsi", XSI, name.substring(4), Scalars.format(f, v, Format.ISO_8601));
      } else {
        w.writeAttribute(name, Scalars.format(f, v, Format.ISO_8601));
      }
    }
  }
}
