package io.thingtank.core.identity;

/**
 * An AWS-style access key pair of the account. The secret is needed in clear to verify
 * SigV4 signatures (HMAC), so it lives only in the data dir's mode-0600 credentials file.
 */
public record AccessKey(String accessKeyId, String secretAccessKey, String description, long createdMillis) {
  @Override public String toString() { return "AccessKey[" + accessKeyId + ", " + description + "]"; }
}
