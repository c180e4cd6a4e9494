package io.thingtank.s3.access;

import io.thingtank.aws.AwsError;
import io.thingtank.s3.S3Errors;
import io.thingtank.s3.model.Acl;
import io.thingtank.s3.model.Acl.Grant;
import io.thingtank.s3.model.Acl.Grantee;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * ACLs given in request headers (S3 API Reference, PutObjectAcl "Request Syntax"): a canned
 * {@code x-amz-acl}, or explicit {@code x-amz-grant-read/-write/-read-acp/-write-acp/-full-control}
 * lists like {@code id="…", uri="http://acs.amazonaws.com/groups/global/AllUsers"}; not both.
 * Stateless.
 */
public final class AclHeaders {
  /** In this order grants are listed back (ceph/s3-tests expect it). */
  private static final Map<String, String> GRANT_HEADERS = new LinkedHashMap<>();

  static {
    GRANT_HEADERS.put("x-amz-grant-read", "READ");
    GRANT_HEADERS.put("x-amz-grant-write", "WRITE");
    GRANT_HEADERS.put("x-amz-grant-read-acp", "READ_ACP");
    GRANT_HEADERS.put("x-amz-grant-write-acp", "WRITE_ACP");
    GRANT_HEADERS.put("x-amz-grant-full-control", "FULL_CONTROL");
  }
  private static final Pattern GRANTEE = Pattern.compile("\\s*(id|uri|emailAddress)\\s*=\\s*\"?([^\",]*)\"?\\s*(,|$)",
      Pattern.CASE_INSENSITIVE);

  private AclHeaders() {}

  /** Whether the request sets an ACL through headers. */
  public static boolean present(Function<String, String> headers) {
    return headers.apply("x-amz-acl") != null || GRANT_HEADERS.keySet().stream().anyMatch(h -> headers.apply(h) != null);
  }

  /** The canned ACL name, or null. */
  public static String canned(Function<String, String> headers) { return headers.apply("x-amz-acl"); }

  /**
   * The ACL the headers give a resource owned by {@code owner}, or null when they name none.
   * {@code users} resolves canonical ids to display names.
   */
  public static Acl parse(Function<String, String> headers, Acl.Owner owner, Acl.Owner bucketOwner, Principals users) {
    String canned = headers.apply("x-amz-acl");
    List<Grant> grants = new ArrayList<>();
    GRANT_HEADERS.forEach((header, permission) -> {
      String v = headers.apply(header);
      if (v != null) for (Grantee g : grantees(v, users)) grants.add(new Grant(g, permission));
    });
    if (canned != null && !grants.isEmpty()) {
      throw S3Errors.invalidRequest("Specifying both Canned ACLs and Header Grants is not allowed");
    }
    if (canned != null) return CannedAcls.expand(canned.trim(), owner, bucketOwner);
    if (grants.isEmpty()) return null;
    return new Acl(owner, List.copyOf(grants));
  }

  private static List<Grantee> grantees(String value, Principals users) {
    List<Grantee> out = new ArrayList<>();
    Matcher m = GRANTEE.matcher(value);
    int at = 0;
    while (at < value.length() && m.find(at) && m.start() == at) {
      String v = m.group(2).trim();
      out.add(switch (m.group(1).toLowerCase(java.util.Locale.ROOT)) {
        case "id" -> user(v, users);
        case "uri" -> Grantee.group(v);
        default -> throw unresolvableEmail();
      });
      at = m.end();
    }
    if (at < value.length() || out.isEmpty()) throw S3Errors.invalidArgument("Invalid grant header: " + value);
    return out;
  }

  /** A grantee by canonical id, which must be a user of this ThingTank (S3: InvalidArgument "Invalid id"). */
  static Grantee user(String id, Principals users) {
    return users.byId(id).map(Grantee::user).orElseThrow(() -> S3Errors.invalidArgument("Invalid id"));
  }

  static AwsError unresolvableEmail() {
    return new AwsError("UnresolvableGrantByEmailAddress",
        "The e-mail address you provided does not match any account on record.", 400);
  }
}
