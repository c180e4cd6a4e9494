package io.thingtank.s3.access;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.thingtank.aws.AwsError;
import java.util.ArrayList;
import java.util.List;

/**
 * A bucket policy (IAM JSON policy grammar; S3 User Guide, "Bucket policy examples"): statements
 * with Effect Allow/Deny, Principal or NotPrincipal, Action or NotAction, Resource or NotResource
 * (with wildcards) and a Condition block ({@link PolicyConditions}). Principals: {@code "*"} or
 * {@code {"AWS": "*"}} is anyone, anonymous callers included; {@code {"CanonicalUser": id}} one
 * canonical user; any other AWS principal (an account or IAM ARN) any signed caller of this
 * ThingTank; Service and Federated principals nobody. NotPrincipal only with Deny (as IAM). An
 * explicit Deny wins over any Allow. Immutable; thread-safe.
 */
public final class BucketPolicy {
  private static final ObjectMapper JSON = new ObjectMapper();

  /** The outcome of evaluating a request. */
  public enum Decision { ALLOW, DENY, NONE }

  /** Who a Principal element names; {@code anyone} covers anonymous callers. */
  private record Principals(boolean anyone, boolean anySigned, List<String> canonicalIds) {
    boolean matches(Principal who) {
      if (anyone) return true;
      if (who.anonymous()) return false;
      return anySigned || canonicalIds.contains(who.id());
    }
  }

  private record Statement(boolean allow, Principals principals, boolean notPrincipal, List<String> actions,
      boolean notAction, List<String> resources, boolean notResource, PolicyConditions conditions) {

    boolean applies(PolicyRequest r) {
      if (principals.matches(r.principal()) == notPrincipal) return false;
      if (actions.stream().anyMatch(a -> Wildcards.matches(a, r.action(), true)) == notAction) return false;
      if (resources.stream().anyMatch(x -> Wildcards.matches(x, r.resource(), false)) == notResource) return false;
      return conditions.matches(r);
    }

    /** S3's "public" (User Guide, "The meaning of public"): an Allow for anyone not tied to known sources. */
    boolean isPublic() { return allow && (notPrincipal || principals.anyone()) && !conditions.restrictsSource(); }
  }

  private final List<Statement> statements;

  private BucketPolicy(List<Statement> statements) { this.statements = statements; }

  /** Parses and validates; a bad document or an unknown condition operator is MalformedPolicy (400). */
  public static BucketPolicy parse(String json) {
    JsonNode doc;
    try {
      doc = JSON.readTree(json);
    } catch (Exception e) {
      throw malformed("Policies must be valid JSON and the first byte must be '{'");
    }
    if (doc == null || !doc.isObject() || !doc.has("Statement")) throw malformed("Missing required field Statement");
    List<Statement> out = new ArrayList<>();
    JsonNode st = doc.get("Statement");
    for (JsonNode s : st.isArray() ? st : List.of(st)) {
      String effect = s.path("Effect").asText();
      if (!effect.equals("Allow") && !effect.equals("Deny")) throw malformed("Invalid effect: " + effect);
      if (!s.has("Action") && !s.has("NotAction")) throw malformed("Missing required field Action");
      if (!s.has("Resource") && !s.has("NotResource")) throw malformed("Missing required field Resource");
      if (!s.has("Principal") && !s.has("NotPrincipal")) throw malformed("Missing required field Principal");
      boolean notPrincipal = !s.has("Principal");
      if (notPrincipal && effect.equals("Allow")) throw malformed("Allow with NotPrincipal is not supported");
      out.add(new Statement(effect.equals("Allow"), principals(s.get(notPrincipal ? "NotPrincipal" : "Principal")),
          notPrincipal, strings(s.has("Action") ? s.get("Action") : s.get("NotAction")), !s.has("Action"),
          strings(s.has("Resource") ? s.get("Resource") : s.get("NotResource")), !s.has("Resource"),
          PolicyConditions.parse(s.get("Condition"))));
    }
    return new BucketPolicy(List.copyOf(out));
  }

  private static Principals principals(JsonNode p) {
    if (p.isTextual()) {
      if (!p.asText().equals("*")) throw malformed("Invalid principal in policy");
      return new Principals(true, false, List.of());
    }
    if (!p.isObject()) throw malformed("Invalid principal in policy");
    List<String> aws = p.has("AWS") ? strings(p.get("AWS")) : List.of();
    List<String> canonical = p.has("CanonicalUser") ? strings(p.get("CanonicalUser")) : List.of();
    // Service and Federated principals are valid but never name a caller of this ThingTank.
    if (aws.isEmpty() && canonical.isEmpty() && !p.has("Service") && !p.has("Federated")) {
      throw malformed("Invalid principal in policy");
    }
    return new Principals(aws.contains("*"), !aws.isEmpty(), canonical);
  }

  public Decision evaluate(PolicyRequest request) {
    Decision d = Decision.NONE;
    for (Statement s : statements) {
      if (!s.applies(request)) continue;
      if (!s.allow()) return Decision.DENY;
      d = Decision.ALLOW;
    }
    return d;
  }

  /** Whether some statement grants public access (what BlockPublicPolicy and RestrictPublicBuckets look for). */
  public boolean isPublic() { return statements.stream().anyMatch(Statement::isPublic); }

  private static List<String> strings(JsonNode n) {
    List<String> out = new ArrayList<>();
    if (n.isArray()) n.forEach(x -> out.add(x.asText()));
    else out.add(n.asText());
    return out;
  }

  private static AwsError malformed(String message) { return PolicyConditions.malformed(message); }
}
