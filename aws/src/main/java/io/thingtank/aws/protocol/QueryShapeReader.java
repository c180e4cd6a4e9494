package io.thingtank.aws.protocol;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.core.SdkField;
import software.amazon.awssdk.core.SdkPojo;
import software.amazon.awssdk.core.traits.ListTrait;
import software.amazon.awssdk.core.traits.MapTrait;
import software.amazon.awssdk.core.traits.TimestampFormatTrait.Format;

/**
 * Fills SDK model builders from query parameters (Smithy awsQuery / ec2Query "Query key
 * resolution"): members by {@code locationName}, nested members as {@code Outer.Inner}, lists as
 * {@code Name.member.N} ({@code Name.N} when flattened, and always for EC2), maps as
 * {@code Name.entry.N.key}/{@code .value} ({@code Name.N.key} when flattened) with the map trait's
 * key and value names. Timestamps ISO 8601. Stateless and thread-safe.
 */
final class QueryShapeReader {
  private final boolean ec2;
  private final QueryMemberNames names;

  /**
   * @param ec2   the ec2Query list rules (always {@code Name.N}, no empty-list marker)
   * @param names the service's member-name overrides
   */
  QueryShapeReader(boolean ec2, QueryMemberNames names) {
    this.ec2 = ec2;
    this.names = names;
  }

  SdkPojo readStruct(SdkPojo builder, String prefix, QueryParams params) {
    Class<?> owner = QueryMemberNames.ownerOf(builder);
    for (SdkField<?> f : builder.sdkFields()) {
      QueryMemberName override = names.of(owner, f);
      Object v = value(f, prefix + (override != null ? override.name() : f.locationName()), override, params);
      if (v != null) Pojos.set(f, builder, v);
    }
    return builder;
  }

  private Object value(SdkField<?> f, String name, QueryMemberName override, QueryParams params) {
    return switch (f.marshallingType().getKnownType()) {
      case SDK_POJO -> params.hasPrefix(name + ".")
          ? Pojos.build(readStruct(f.constructor().get(), name + ".", params)) : null;
      case LIST -> list(f, name, override, params);
      case MAP -> map(f, name, override, params);
      case DOCUMENT -> null;
      default -> {
        String text = params.get(name);
        yield text == null ? null : Scalars.parse(f, text, Format.ISO_8601);
      }
    };
  }

  private List<Object> list(SdkField<?> f, String name, QueryMemberName override, QueryParams params) {
    ListTrait trait = f.getTrait(ListTrait.class);
    // awsQuery: an empty list is sent as the bare name with an empty value
    if (!ec2 && "".equals(params.get(name)) && !params.hasPrefix(name + ".")) return new ArrayList<>();
    boolean flat = ec2 || (override != null ? override.flattened() : trait.isFlattened());
    String base = flat ? name : name + "." + memberName(trait);
    List<Object> out = new ArrayList<>();
    for (int i = 1; ; i++) {
      Object v = value(trait.memberFieldInfo(), base + "." + i, null, params);
      if (v == null) break;
      out.add(v);
    }
    return out.isEmpty() ? null : out;
  }

  private Map<String, Object> map(SdkField<?> f, String name, QueryMemberName override, QueryParams params) {
    MapTrait trait = f.getTrait(MapTrait.class);
    boolean flat = override != null ? override.flattened() : trait.isFlattened();
    String keyName = override != null && override.key() != null ? override.key() : orDefault(trait.keyLocationName(), "key");
    String valueName = override != null && override.value() != null
        ? override.value() : orDefault(trait.valueLocationName(), "value");
    String base = flat ? name : name + ".entry";
    Map<String, Object> out = new LinkedHashMap<>();
    for (int i = 1; ; i++) {
      String entry = base + "." + i + ".";
      String key = params.get(entry + keyName);
      if (key == null) break;
      out.put(key, value(trait.valueFieldInfo(), entry + valueName, null, params));
    }
    return out.isEmpty() ? null : out;
  }

  static String memberName(ListTrait trait) {
    String n = trait.memberFieldInfo() == null ? null : trait.memberFieldInfo().locationName();
    return orDefault(n, orDefault(trait.memberLocationName(), "member"));
  }

  static String orDefault(String s, String fallback) {
    return s == null || s.isEmpty() ? fallback : s;
  }
}
