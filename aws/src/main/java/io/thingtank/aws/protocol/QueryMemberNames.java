package io.thingtank.aws.protocol;

import software.amazon.awssdk.core.SdkField;

/**
 * Overrides of query/XML member names for one service; {@link #NONE} keeps the SDK metadata.
 * {@code owner} is the model class holding the member ({@code SendMessageBatchRequest}).
 */
@FunctionalInterface
interface QueryMemberNames {
  QueryMemberNames NONE = (owner, field) -> null;

  /** The override for this member, or null to use the field's own metadata. */
  QueryMemberName of(Class<?> owner, SdkField<?> field);

  /** The model class of a built object or of its builder. */
  static Class<?> ownerOf(Object pojoOrBuilder) {
    Class<?> c = pojoOrBuilder.getClass();
    return c.getDeclaringClass() != null ? c.getDeclaringClass() : c;
  }
}
