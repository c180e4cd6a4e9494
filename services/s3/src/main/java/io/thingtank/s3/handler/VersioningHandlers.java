package io.thingtank.s3.handler;

import io.thingtank.s3.S3Context;
import io.thingtank.s3.S3Errors;
import io.thingtank.s3.model.VersioningConfig;
import io.thingtank.s3.wire.S3Call;
import io.thingtank.s3.wire.S3Response;
import io.thingtank.s3.wire.XmlIn;
import io.thingtank.s3.wire.XmlOut;
import io.vertx.core.Future;
import java.util.Set;

/**
 * GetBucketVersioning and PutBucketVersioning (S3 API Reference): Status {@code Enabled} or
 * {@code Suspended} (a bucket never returns to unversioned). MFA delete cannot be turned on:
 * there is no MFA device to check {@code x-amz-mfa} against, so S3's answer to a request
 * without valid MFA (AccessDenied) is given; {@code Disabled} is stored and shown.
 */
public final class VersioningHandlers {
  private static final Set<String> STATUS = Set.of("Enabled", "Suspended");
  private static final Set<String> MFA = Set.of("Enabled", "Disabled");
  private final S3Context ctx;

  public VersioningHandlers(S3Context ctx) { this.ctx = ctx; }

  public Future<S3Response> get(S3Call call) {
    return ctx.onBucket(call.bucket(), () -> {
      if (ctx.store().bucket(call.bucket()).isEmpty()) throw S3Errors.noSuchBucket();
      XmlOut x = XmlOut.document("VersioningConfiguration");
      ctx.versions().versioning(call.bucket()).ifPresent(c -> x.el("Status", c.status()).el("MfaDelete", c.mfaDelete()));
      return S3Response.xml(x);
    });
  }

  public Future<S3Response> put(S3Call call) {
    return call.body().toMemory(64 * 1024, S3Errors.malformedXml()).compose(body -> {
      XmlIn doc = XmlIn.parse(body.bytes().getBytes(), "VersioningConfiguration");
      String status = trim(doc.text("Status"));
      String mfa = trim(doc.text("MfaDelete"));
      if (status != null && !STATUS.contains(status) || mfa != null && !MFA.contains(mfa)) {
        throw S3Errors.malformedXml();
      }
      if ("Enabled".equals(mfa)) throw S3Errors.accessDeniedBecause("Mfa Authentication must be used for this request");
      return ctx.onBucket(call.bucket(), () -> {
        if (ctx.store().bucket(call.bucket()).isEmpty()) throw S3Errors.noSuchBucket();
        VersioningConfig old = ctx.versions().versioning(call.bucket()).orElse(null);
        String newStatus = status != null ? status : old == null ? null : old.status();
        if (newStatus != null) {
          ctx.versions().putVersioning(call.bucket(),
              new VersioningConfig(newStatus, mfa != null ? mfa : old == null ? null : old.mfaDelete()));
        }
        return S3Response.ok();
      });
    });
  }

  private static String trim(String s) { return s == null ? null : s.trim(); }
}
