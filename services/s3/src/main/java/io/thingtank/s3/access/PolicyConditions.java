package io.thingtank.s3.access;

import com.fasterxml.jackson.databind.JsonNode;
import io.thingtank.aws.AwsError;
import java.math.BigDecimal;
import java.net.InetAddress;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The Condition block of a policy statement (IAM User Guide, "IAM JSON policy elements:
 * Condition operators"): String*, Numeric*, Date*, Bool, IpAddress/NotIpAddress, Arn*, Null,
 * each with an {@code IfExists} form (true when the key is absent) and the {@code ForAnyValue:} /
 * {@code ForAllValues:} set qualifiers. Keys in one operator, and operators, are ANDed; the
 * values of one key are ORed (for negated operators: none may match). A key the request lacks
 * makes a positive operator false and a negated one true. Immutable; thread-safe.
 */
public final class PolicyConditions {
  private static final Set<String> OPERATORS = Set.of("StringEquals", "StringNotEquals", "StringEqualsIgnoreCase",
      "StringNotEqualsIgnoreCase", "StringLike", "StringNotLike", "NumericEquals", "NumericNotEquals",
      "NumericLessThan", "NumericLessThanEquals", "NumericGreaterThan", "NumericGreaterThanEquals", "DateEquals",
      "DateNotEquals", "DateLessThan", "DateLessThanEquals", "DateGreaterThan", "DateGreaterThanEquals", "Bool",
      "BinaryEquals", "IpAddress", "NotIpAddress", "ArnEquals", "ArnLike", "ArnNotEquals", "ArnNotLike", "Null");
  /** Keys that tie an Allow to known sources, so a policy using them is not public (S3 User Guide, "The meaning of public"). */
  private static final Set<String> RESTRICTING_KEYS = Set.of("aws:sourceip", "aws:sourcearn", "aws:sourcevpc",
      "aws:sourcevpce", "aws:sourceowner", "aws:sourceaccount", "aws:userid", "aws:principalorgid",
      "aws:principalaccount", "aws:principalarn", "s3:x-amz-server-side-encryption-aws-kms-key-id");

  private record Condition(String operator, boolean ifExists, String qualifier, String key, List<String> values) {}

  private final List<Condition> conditions;

  private PolicyConditions(List<Condition> conditions) { this.conditions = conditions; }

  static final PolicyConditions NONE = new PolicyConditions(List.of());

  /** Parses a Condition block; an unknown operator is MalformedPolicy. */
  static PolicyConditions parse(JsonNode block) {
    if (block == null || block.isNull()) return NONE;
    if (!block.isObject()) throw malformed("Condition must be an object");
    List<Condition> out = new ArrayList<>();
    for (var op : block.properties()) {
      String name = op.getKey();
      String qualifier = null;
      int colon = name.indexOf(':');
      if (colon > 0) {
        qualifier = name.substring(0, colon);
        if (!qualifier.equals("ForAnyValue") && !qualifier.equals("ForAllValues")) throw invalidOperator(name);
        name = name.substring(colon + 1);
      }
      boolean ifExists = name.endsWith("IfExists");
      String base = ifExists ? name.substring(0, name.length() - "IfExists".length()) : name;
      if (!OPERATORS.contains(base) || ifExists && base.equals("Null")) throw invalidOperator(op.getKey());
      if (!op.getValue().isObject()) throw malformed("Condition operator " + name + " must map keys to values");
      for (var key : op.getValue().properties()) {
        List<String> values = new ArrayList<>();
        if (key.getValue().isArray()) key.getValue().forEach(v -> values.add(v.asText()));
        else values.add(key.getValue().asText());
        out.add(new Condition(base, ifExists, qualifier, key.getKey().toLowerCase(Locale.ROOT), List.copyOf(values)));
      }
    }
    return new PolicyConditions(List.copyOf(out));
  }

  boolean isEmpty() { return conditions.isEmpty(); }

  /** Whether some condition ties the statement to known sources or principals. */
  boolean restrictsSource() { return conditions.stream().anyMatch(c -> RESTRICTING_KEYS.contains(c.key())); }

  boolean matches(PolicyRequest request) {
    for (Condition c : conditions) if (!matches(c, request.values(c.key()))) return false;
    return true;
  }

  private static boolean matches(Condition c, List<String> actual) {
    if (c.operator().equals("Null")) return Boolean.parseBoolean(c.values().get(0)) == (actual == null);
    boolean negated = c.operator().contains("Not");
    if (actual == null || actual.isEmpty()) {
      if ("ForAllValues".equals(c.qualifier())) return true;
      if ("ForAnyValue".equals(c.qualifier())) return false;
      return c.ifExists() || negated;
    }
    if ("ForAllValues".equals(c.qualifier())) return actual.stream().allMatch(a -> one(c, a, negated));
    return actual.stream().anyMatch(a -> one(c, a, negated));
  }

  /** One request value against the policy's values: positive operators match any, negated ones none. */
  private static boolean one(Condition c, String actual, boolean negated) {
    boolean any = c.values().stream().anyMatch(v -> compare(c.operator(), v, actual));
    return negated ? !any : any;
  }

  private static boolean compare(String operator, String expected, String actual) {
    try {
      return switch (operator) {
        case "StringEquals", "StringNotEquals", "BinaryEquals" -> expected.equals(actual);
        case "StringEqualsIgnoreCase", "StringNotEqualsIgnoreCase" -> expected.equalsIgnoreCase(actual);
        case "StringLike", "StringNotLike" -> Wildcards.matches(expected, actual, false);
        case "ArnEquals", "ArnNotEquals", "ArnLike", "ArnNotLike" -> Wildcards.matches(expected, actual, false);
        case "Bool" -> Boolean.parseBoolean(expected) == Boolean.parseBoolean(actual);
        case "IpAddress", "NotIpAddress" -> inCidr(expected, actual);
        default -> operator.startsWith("Numeric") ? order(operator, new BigDecimal(actual).compareTo(new BigDecimal(expected)))
            : order(operator, date(actual).compareTo(date(expected)));
      };
    } catch (NumberFormatException | DateTimeParseException e) {
      return false;
    }
  }

  /** {@code cmp}: actual compared with the policy's value. */
  private static boolean order(String operator, int cmp) {
    String op = operator.replaceFirst("^(Numeric|Date)", "");
    return switch (op) {
      case "Equals" -> cmp == 0;
      case "NotEquals" -> cmp == 0;
      case "LessThan" -> cmp < 0;
      case "LessThanEquals" -> cmp <= 0;
      case "GreaterThan" -> cmp > 0;
      default -> cmp >= 0;
    };
  }

  private static Instant date(String v) {
    return v.matches("\\d+") ? Instant.ofEpochSecond(Long.parseLong(v)) : Instant.parse(v);
  }

  static boolean inCidr(String cidr, String address) {
    try {
      if (!(cidr + address).matches("[0-9a-fA-F:./]+")) return false;
      int slash = cidr.indexOf('/');
      byte[] net = InetAddress.getByName(slash < 0 ? cidr : cidr.substring(0, slash)).getAddress();
      byte[] ip = InetAddress.getByName(address).getAddress();
      if (net.length != ip.length) return false;
      int bits = slash < 0 ? net.length * 8 : Integer.parseInt(cidr.substring(slash + 1));
      for (int i = 0; i < bits; i++) {
        int mask = 0x80 >> (i % 8);
        if ((net[i / 8] & mask) != (ip[i / 8] & mask)) return false;
      }
      return true;
    } catch (java.io.IOException | NumberFormatException e) {
      return false;
    }
  }

  private static AwsError invalidOperator(String name) { return malformed("Invalid Condition type : " + name); }

  static AwsError malformed(String message) { return new AwsError("MalformedPolicy", message, 400); }
}
