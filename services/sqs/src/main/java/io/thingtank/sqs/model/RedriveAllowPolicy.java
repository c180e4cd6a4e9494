package io.thingtank.sqs.model;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.thingtank.sqs.SqsErrors;
import java.util.ArrayList;
import java.util.List;

/**
 * A dead-letter queue's RedriveAllowPolicy attribute: which source queues may name it in their
 * RedrivePolicy ({@code allowAll}, {@code denyAll} or {@code byQueue} with up to 10 ARNs).
 */
public record RedriveAllowPolicy(String redrivePermission, List<String> sourceQueueArns) {
  private static final ObjectMapper JSON = new ObjectMapper();
  public static final RedriveAllowPolicy ALLOW_ALL = new RedriveAllowPolicy("allowAll", List.of());

  public static RedriveAllowPolicy parse(String json) {
    try {
      JsonNode n = JSON.readTree(json);
      String permission = n == null || n.get("redrivePermission") == null ? null : n.get("redrivePermission").asText();
      List<String> arns = new ArrayList<>();
      JsonNode list = n == null ? null : n.get("sourceQueueArns");
      if (list != null) list.forEach(a -> arns.add(a.asText()));
      if (permission == null || !List.of("allowAll", "denyAll", "byQueue").contains(permission)) {
        throw invalid(json, "Invalid value for redrivePermission.");
      }
      if ("byQueue".equals(permission) != !arns.isEmpty() || arns.size() > 10) {
        throw invalid(json, "sourceQueueArns must be given (1 to 10 ARNs) only when redrivePermission is byQueue.");
      }
      return new RedriveAllowPolicy(permission, List.copyOf(arns));
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw invalid(json, "Invalid value for the parameter RedriveAllowPolicy.");
    }
  }

  public boolean allows(String sourceArn) {
    return switch (redrivePermission) {
      case "allowAll" -> true;
      case "denyAll" -> false;
      default -> sourceQueueArns.contains(sourceArn);
    };
  }

  private static RuntimeException invalid(String value, String reason) {
    return SqsErrors.invalidAttributeValue("Value " + value + " for parameter RedriveAllowPolicy is invalid. Reason: " + reason);
  }
}
