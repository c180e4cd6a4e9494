package io.thingtank.s3.access;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.thingtank.aws.AwsError;
import java.util.ArrayList;
import java.util.List;

/**
 * A bucket policy (IAM policy grammar, S3 User Guide "Bucket policy examples"): statements with
 * Effect Allow/Deny, Principal ({@code "*"}, {@code {"AWS": "*"}} or named principals, which
 * here mean any signed caller), Action and Resource with wildcards. An explicit Deny wins over
 * any Allow. Statements with a Condition, NotAction, NotPrincipal or NotResource are not
 * evaluated (they never match). Immutable; thread-safe.
 */
public final class BucketPolicy {
  private static final ObjectMapper JSON = new ObjectMapper();

  /** The outcome of evaluating a request. */
  public enum Decision { ALLOW, DENY, NONE }

  private record Statement(boolean allow, boolean anyone, List<String> actions, List<String> resources) {}

  private final List<Statement> statements;

  private BucketPolicy(List<Statement> statements) { this.statements = statements; }

  /** Parses and validates; a bad document is MalformedPolicy (400). */
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
      if (s.has("Condition") || s.has("NotAction") || s.has("NotResource") || s.has("NotPrincipal")) continue;
      JsonNode p = s.get("Principal");
      boolean anyone = p.isTextual() && p.asText().equals("*") || p.path("AWS").isTextual() && p.path("AWS").asText().equals("*");
      out.add(new Statement(effect.equals("Allow"), anyone, strings(s.get("Action")), strings(s.get("Resource"))));
    }
    return new BucketPolicy(List.copyOf(out));
  }

  /** {@code action} like {@code s3:GetObject}; {@code resource} like {@code arn:aws:s3:::bucket/key}. */
  public Decision evaluate(String action, String resource, boolean anonymous) {
    Decision d = Decision.NONE;
    for (Statement s : statements) {
      if (anonymous && !s.anyone()) continue;
      if (s.actions().stream().noneMatch(a -> Wildcards.matches(a, action, true))) continue;
      if (s.resources().stream().noneMatch(r -> Wildcards.matches(r, resource, false))) continue;
      if (!s.allow()) return Decision.DENY;
      d = Decision.ALLOW;
    }
    return d;
  }

  private static List<String> strings(JsonNode n) {
    List<String> out = new ArrayList<>();
    if (n.isArray()) n.forEach(x -> out.add(x.asText()));
    else out.add(n.asText());
    return out;
  }

  private static AwsError malformed(String message) { return new AwsError("MalformedPolicy", message, 400); }
}
