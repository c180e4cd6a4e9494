package io.thingtank.aws.protocol;

import io.thingtank.aws.AwsError;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import software.amazon.awssdk.core.SdkPojo;
import software.amazon.awssdk.core.SdkRequest;

/**
 * Finds the SDK request class of an operation by name: {@code <modelPackage>.<Op>Request}, with
 * a static {@code builder()}. Only names found are cached, so
 * random operation names from clients cannot grow the cache. Thread-safe.
 */
final class ModelClasses {
  private static final int MAX_OPERATION_NAME = 128;
  /** modelPackage + kind suffix -> operation -> builder factory. */
  private static final Map<String, Map<String, Supplier<SdkPojo>>> BUILDERS = new ConcurrentHashMap<>();

  private ModelClasses() {}

  /** A fresh builder of {@code <Op>Request}, or {@code unknown} thrown when there is no such operation. */
  static SdkPojo requestBuilder(String modelPackage, String operation, Supplier<AwsError> unknown) {
    Supplier<SdkPojo> b = builderOf(modelPackage, operation, "Request", SdkRequest.class);
    if (b == null) throw unknown.get();
    return b.get();
  }

  private static Supplier<SdkPojo> builderOf(String modelPackage, String operation, String suffix, Class<?> kind) {
    if (!isOperationName(operation)) return null;
    Map<String, Supplier<SdkPojo>> known =
        BUILDERS.computeIfAbsent(modelPackage + "#" + suffix, k -> new ConcurrentHashMap<>());
    Supplier<SdkPojo> cached = known.get(operation);
    if (cached != null) return cached;
    Supplier<SdkPojo> found = lookup(modelPackage + "." + operation + suffix, kind);
    if (found == null) found = lookup(modelPackage + "." + sdkClassName(operation) + suffix, kind);
    if (found != null) known.putIfAbsent(operation, found);
    return found;
  }

  /** {@code [A-Z][A-Za-z0-9]*}, at most 128 characters: never a nested or foreign class name. */
  private static boolean isOperationName(String s) {
    if (s == null || s.isEmpty() || s.length() > MAX_OPERATION_NAME) return false;
    char first = s.charAt(0);
    if (first < 'A' || first > 'Z') return false;
    for (int i = 1; i < s.length(); i++) {
      char c = s.charAt(i);
      if (!((c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9'))) return false;
    }
    return true;
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
        out.append(wireName.charAt(i)).append(wireName.substring(i + 1, end).toLowerCase(Locale.ROOT));
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
      // typed to ()Object once, so each call is an invokeExact without argument adaptation
      MethodHandle builder = MethodHandles.publicLookup().findStatic(type, "builder",
          MethodType.methodType(type.getMethod("builder").getReturnType())).asType(MethodType.methodType(Object.class));
      return () -> {
        try {
          return (SdkPojo) (Object) builder.invokeExact();
        } catch (Throwable t) {
          throw new IllegalStateException("cannot create a builder of " + className, t);
        }
      };
    } catch (ReflectiveOperationException | LinkageError e) {
      return null;
    }
  }
}
