package io.thingtank.sqs.model;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.thingtank.sqs.SqsErrors;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * AddPermission / RemovePermission as edits of the queue's Policy attribute (API reference,
 * AddPermission): one Allow statement per label, principals {@code arn:aws:iam::<account>:root},
 * actions {@code SQS:<Action>}. Stateless.
 */
public final class QueuePolicies {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Set<String> ACTIONS = Set.of("*", "SendMessage", "ReceiveMessage", "DeleteMessage",
      "ChangeMessageVisibility", "GetQueueAttributes", "GetQueueUrl", "ListDeadLetterSourceQueues", "PurgeQueue",
      "ListQueueTags", "ListMessageMoveTasks", "StartMessageMoveTask", "CancelMessageMoveTask");

  private QueuePolicies() {}

  public static Queue addPermission(Queue q, String label, List<String> accounts, List<String> actions, long now) {
    if (label == null) throw SqsErrors.missingParameter("Label");
    if (!label.matches("[A-Za-z0-9_-]{1,80}")) {
      throw SqsErrors.invalidParameter("Label", label, "Can only include alphanumeric characters, hyphens, or"
          + " underscores. 1 to 80 in length.");
    }
    if (accounts == null || accounts.isEmpty() || accounts.contains(null)) throw SqsErrors.missingParameter("AWSAccountId");
    if (actions == null || actions.isEmpty()) throw SqsErrors.missingParameter("ActionName");
    for (String a : actions) {
      if (a == null || !ACTIONS.contains(a)) throw SqsErrors.invalidParameter("ActionName", a, "Unknown action.");
    }
    ObjectNode policy = policy(q);
    ArrayNode statements = (ArrayNode) policy.get("Statement");
    for (JsonNode s : statements) {
      if (label.equals(s.path("Sid").asText())) {
        throw SqsErrors.invalidParameter("Label", label, "Already exists.");
      }
    }
    ObjectNode s = statements.addObject();
    s.put("Sid", label);
    s.put("Effect", "Allow");
    ArrayNode principals = s.putObject("Principal").putArray("AWS");
    accounts.forEach(a -> principals.add("arn:aws:iam::" + a + ":root"));
    ArrayNode acts = s.putArray("Action");
    actions.forEach(a -> acts.add("SQS:" + a));
    s.put("Resource", q.arn());
    return withPolicy(q, policy, now);
  }

  public static Queue removePermission(Queue q, String label, long now) {
    if (label == null) throw SqsErrors.missingParameter("Label");
    ObjectNode policy = policy(q);
    ArrayNode statements = (ArrayNode) policy.get("Statement");
    for (int i = 0; i < statements.size(); i++) {
      if (label.equals(statements.get(i).path("Sid").asText())) {
        statements.remove(i);
        return withPolicy(q, statements.isEmpty() ? null : policy, now);
      }
    }
    throw SqsErrors.invalidParameter("Label", label, "can't find label on existing policy.");
  }

  private static ObjectNode policy(Queue q) {
    String text = q.attributes().get(QueueAttributes.POLICY);
    try {
      if (text != null && JSON.readTree(text) instanceof ObjectNode o && o.get("Statement") instanceof ArrayNode) {
        return o;
      }
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      // A policy set by SetQueueAttributes that is not JSON is replaced.
    }
    ObjectNode o = JSON.createObjectNode();
    o.put("Version", "2012-10-17");
    o.put("Id", q.arn() + "/SQSDefaultPolicy");
    o.putArray("Statement");
    return o;
  }

  private static Queue withPolicy(Queue q, ObjectNode policy, long now) {
    Map<String, String> attrs = new HashMap<>(q.attributes());
    if (policy == null) attrs.remove(QueueAttributes.POLICY);
    else attrs.put(QueueAttributes.POLICY, policy.toString());
    return q.withAttributes(attrs, now);
  }
}
