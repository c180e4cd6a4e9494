package io.thingtank.s3.handler;

import io.thingtank.aws.auth.SigV4Verifier;
import io.thingtank.s3.model.ObjectMeta;
import io.thingtank.s3.wire.S3Call;
import io.thingtank.s3.wire.XmlOut;

/** The canonical user id S3 shows as Owner: a stable 64-hex-digit id derived from the caller. */
final class OwnerIds {
  private OwnerIds() {}

  static String canonical(S3Call call) {
    String who = call.auth() == null || call.auth().anonymous() ? "anonymous" : call.auth().accessKeyId();
    return SigV4Verifier.sha256Hex("thingtank-owner:" + who);
  }

  /** A listed version's {@code <Owner>}: its ACL's owner, or the caller for versions written before ACLs were kept. */
  static void write(XmlOut x, S3Call call, ObjectMeta m) {
    if (m.acl() != null && m.acl().owner() != null) {
      x.open("Owner").el("ID", m.acl().owner().id()).el("DisplayName", m.acl().owner().displayName()).close();
    } else {
      x.open("Owner").el("ID", canonical(call)).el("DisplayName", "thingtank").close();
    }
  }
}
