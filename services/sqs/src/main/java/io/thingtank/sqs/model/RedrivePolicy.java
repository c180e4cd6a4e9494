package io.thingtank.sqs.model;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.thingtank.sqs.SqsErrors;

/**
 * A queue's RedrivePolicy attribute: after {@code maxReceiveCount} receives without a delete,
 * the next receive moves the message to {@code deadLetterTargetArn} instead (SQS Developer Guide,
 * "Using dead-letter queues").
 */
public record RedrivePolicy(String deadLetterTargetArn, int maxReceiveCount) {
  private static final ObjectMapper JSON = new ObjectMapper();

  /** Parses and checks the attribute value; InvalidParameterValue when it is not a valid policy. */
  public static RedrivePolicy parse(String json) {
    try {
      JsonNode n = JSON.readTree(json);
      JsonNode arn = n == null ? null : n.get("deadLetterTargetArn");
      JsonNode max = n == null ? null : n.get("maxReceiveCount");
      if (arn == null || !arn.isTextual() || max == null) {
        throw invalid(json, "Redrive policy does not contain mandatory attribute: "
            + (arn == null ? "deadLetterTargetArn" : "maxReceiveCount") + ".");
      }
      int count = max.isNumber() ? max.asInt() : Integer.parseInt(max.asText());
      if (count < 1 || count > 1000) {
        throw invalid(json, "Invalid value for maxReceiveCount: " + count + ", valid values are from 1 to 1000 both inclusive.");
      }
      return new RedrivePolicy(arn.asText(), count);
    } catch (com.fasterxml.jackson.core.JsonProcessingException | NumberFormatException e) {
      throw invalid(json, "Invalid value for the parameter RedrivePolicy.");
    }
  }

  /** The compact JSON SQS returns for the attribute. */
  public String toJson() {
    return "{\"deadLetterTargetArn\":\"" + deadLetterTargetArn + "\",\"maxReceiveCount\":" + maxReceiveCount + "}";
  }

  private static RuntimeException invalid(String value, String reason) {
    return SqsErrors.invalidAttributeValue("Value " + value + " for parameter RedrivePolicy is invalid. Reason: " + reason);
  }
}
