package io.thingtank.aws.auth;

import io.thingtank.aws.AwsErrors;

/**
 * The parsed credential scope {@code AKID/20261124/us-east-1/sqs/aws4_request}.
 */
public record SigV4Credential(String accessKeyId, String date, String region, String service) {

  public String scope() { return date + "/" + region + "/" + service + "/aws4_request"; }

  /** Parses a credential string; throws IncompleteSignature when it is not five parts ending in aws4_request. */
  public static SigV4Credential parse(String credential) {
    String[] p = credential == null ? new String[0] : credential.split("/", -1);
    if (p.length != 5 || !"aws4_request".equals(p[4]) || p[0].isEmpty() || p[1].length() != 8
        || p[2].isEmpty() || p[3].isEmpty()) {
      throw AwsErrors.incompleteSignature("Credential should be scoped to a valid region, service and date: '"
          + credential + "'. Expected <key>/<yyyyMMdd>/<region>/<service>/aws4_request.");
    }
    return new SigV4Credential(p[0], p[1], p[2], p[3]);
  }
}
