package io.thingtank.s3.handler;

import io.thingtank.aws.auth.SigV4Verifier;
import io.thingtank.s3.wire.S3Call;

/** The canonical user id S3 shows as Owner: a stable 64-hex-digit id derived from the caller. */
final class OwnerIds {
  private OwnerIds() {}

  static String canonical(S3Call call) {
    String who = call.auth() == null || call.auth().anonymous() ? "anonymous" : call.auth().accessKeyId();
    return SigV4Verifier.sha256Hex("thingtank-owner:" + who);
  }
}
