package io.thingtank.aws.protocol;

import io.thingtank.aws.AwsErrors;
import software.amazon.awssdk.core.SdkField;
import software.amazon.awssdk.core.SdkPojo;
import software.amazon.awssdk.core.traits.ListTrait;
import software.amazon.awssdk.core.traits.MapTrait;
import software.amazon.awssdk.core.util.SdkAutoConstructList;
import software.amazon.awssdk.core.util.SdkAutoConstructMap;
import software.amazon.awssdk.utils.builder.Buildable;

/** Small helpers over SDK model builders and field values, shared by every codec. */
final class Pojos {
  private Pojos() {}

  /** Builds a model builder ({@code <Op>Request.builder()} or a nested structure's builder). */
  static <T> T build(SdkPojo builder) {
    @SuppressWarnings("unchecked")
    T built = (T) ((Buildable) builder).build();
    return built;
  }

  /** The value of a field, or null when the field was never set (auto-constructed collections count as unset). */
  static Object value(SdkField<?> field, Object pojo) {
    Object v = field.getValueOrDefault(pojo);
    if (v instanceof SdkAutoConstructList<?> || v instanceof SdkAutoConstructMap<?, ?>) return null;
    return v;
  }

  static SdkField<?> listMember(SdkField<?> list) {
    ListTrait t = list.getTrait(ListTrait.class);
    if (t == null) throw new IllegalStateException("list field without ListTrait: " + list.memberName());
    return t.memberFieldInfo();
  }

  static SdkField<?> mapValue(SdkField<?> map) {
    MapTrait t = map.getTrait(MapTrait.class);
    if (t == null) throw new IllegalStateException("map field without MapTrait: " + map.memberName());
    return t.valueFieldInfo();
  }

  /** Sets a decoded value; a builder that rejects it (wrong type from bad input) is a client error. */
  static void set(SdkField<?> field, SdkPojo builder, Object value) {
    try {
      field.set(builder, value);
    } catch (ClassCastException | IllegalArgumentException e) {
      throw AwsErrors.serialization("Invalid value for " + field.memberName());
    }
  }
}
