package io.thingtank.aws.protocol;

import io.thingtank.aws.AwsError;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import java.util.regex.Pattern;
import software.amazon.awssdk.core.SdkPojo;
import software.amazon.awssdk.core.SdkRequest;
import software.amazon.awssdk.core.SdkResponse;

/**
 * Finds the SDK model class of an operation by name: {@code <modelPackage>.<Op>Request} and
 * {@code <Op>Response}, each with a static {@code builder()}. Only names found are cached, so
 * random operation names from clients cannot grow the cache. Thread-safe.
 */
final class ModelClasses {
  private static final Pattern OPERATION_NAME = Pattern.compile("[A-Z][A-Za-z0-9]{0,127}");
  private static final Map<String, Supplier<SdkPojo>> BUILDERS = new ConcurrentHashMap<>();

  private ModelClasses() {}

  /** A fresh builder of {@code <Op>Request}, or {@code unknown} thrown when there is no such operation. */
  static SdkPojo requestBuilder(String modelPackage, String operation, Supplier<AwsError> unknown) {
    Supplier<SdkPojo> b = builderOf(modelPackage + "." + operation + "Request", operation, SdkRequest.class);
    if (b == null) throw unknown.get();
    return b.get();
  }

  /** A fresh builder of {@code <Op>Response}; null if the model has no such class. */
  static SdkPojo responseBuilder(String modelPackage, String operation) {
    Supplier<SdkPojo> b = builderOf(modelPackage + "." + operation + "Response", operation, SdkResponse.class);
    return b == null ? null : b.get();
  }

  private static Supplier<SdkPojo> builderOf(String className, String operation, Class<?> kind) {
    if (operation == null || !OPERATION_NAME.matcher(operation).matches()) return null;
    Supplier<SdkPojo> cached = BUILDERS.get(className);
    if (cached != null) return cached;
    Supplier<SdkPojo> found = lookup(className, kind);
    if (found == null) {
      int dot = className.lastIndexOf('.');
      found = lookup(className.substring(0, dot + 1) + sdkClassName(className.substring(dot + 1)), kind);
    }
    if (found != null) BUILDERS.putIfAbsent(className, found);
    return found;
  }

  /**
   * The SDK code generator's class name for a wire name: runs of capitals are acronyms written as
   * one capitalised word ({@code CreateDBInstance} -> {@code CreateDbInstance}, {@code PutBucketACL}
   * -> {@code PutBucketAcl}); the last capital before a lower-case letter starts the next word.
   */
  static String sdkClassName(String wireName) {
    StringBuilder out = new StringBuilder(wireName.length());
    int i = 0;
    while (i < wireName.length()) {
      int j = i;
      while (j < wireName.length() && Character.isUpperCase(wireName.charAt(j))) j++;
      int run = j - i;
      if (run > 1) {
        int end = j < wireName.length() && Character.isLowerCase(wireName.charAt(j)) ? j - 1 : j;
        out.append(wireName.charAt(i)).append(wireName.substring(i + 1, end).toLowerCase(java.util.Locale.ROOT));
        i = end;
      } else {
        out.append(wireName.charAt(i));
        i++;
      }
    }
    return out.toString();
  }

  private static Supplier<SdkPojo> lookup(String className, Class<?> kind) {
    try {
      Class<?> type = Class.forName(className, false, ModelClasses.class.getClassLoader());
      if (!kind.isAssignableFrom(type)) return null;
      MethodHandle builder = MethodHandles.publicLookup().findStatic(type, "builder",
          MethodType.methodType(type.getMethod("builder").getReturnType()));
      return () -> {
        try {
          return (SdkPojo) builder.invoke();
        } catch (Throwable t) {
          throw new IllegalStateException("cannot create a builder of " + className, t);
        }
      };
    } catch (ReflectiveOperationException | LinkageError e) {
      return null;
    }
  }
}
