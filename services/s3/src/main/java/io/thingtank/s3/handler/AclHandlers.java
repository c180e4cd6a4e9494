package io.thingtank.s3.handler;

import io.thingtank.s3.S3Context;
import io.thingtank.s3.S3Errors;
import io.thingtank.s3.access.AclHeaders;
import io.thingtank.s3.access.AclXml;
import io.thingtank.s3.access.BucketAccess;
import io.thingtank.s3.access.Principal;
import io.thingtank.s3.model.Acl;
import io.thingtank.s3.model.ObjectMeta;
import io.thingtank.s3.store.BucketConfigs;
import io.thingtank.s3.version.ObjectVersions;
import io.thingtank.s3.wire.S3Call;
import io.thingtank.s3.wire.S3Response;
import io.vertx.core.Future;
import io.vertx.core.buffer.Buffer;
import java.util.ArrayList;
import java.util.List;

/**
 * Get/PutBucketAcl and Get/PutObjectAcl (S3 API Reference): the ACL as an AccessControlPolicy
 * document, set from a document or from {@code x-amz-acl} / {@code x-amz-grant-*} headers.
 * While the bucket's ownership is BucketOwnerEnforced ACLs cannot be set
 * (AccessControlListNotSupported; {@code bucket-owner-full-control} is accepted) and read as the
 * bucket owner's FULL_CONTROL; BlockPublicAcls refuses public ones. Who may call is decided
 * before (WRITE_ACP / READ_ACP, or owning the bucket). An object's ACL belongs to one version
 * ({@code versionId}, default the current one).
 */
public final class AclHandlers {
  private static final int MAX_DOCUMENT = 64 * 1024;
  private final S3Context ctx;
  private final ObjectVersions versions;

  public AclHandlers(S3Context ctx) {
    this.ctx = ctx;
    this.versions = new ObjectVersions(ctx);
  }

  public Future<S3Response> getBucket(S3Call call) {
    Principal who = ctx.principals().of(call.auth());
    return ctx.onBucket(call.bucket(), () -> {
      BucketAccess a = access(call);
      Acl acl = a.aclsDisabled() ? Acl.privateTo(a.owner()) : a.acl();
      return S3Response.xml(AclXml.write(acl.owner() != null ? acl : withOwner(acl, a.shownOwner(who))));
    });
  }

  public Future<S3Response> getObject(S3Call call) {
    Principal who = ctx.principals().of(call.auth());
    return ctx.onBucket(call.bucket(), () -> {
      BucketAccess a = access(call);
      ObjectMeta m = versions.read(call.bucket(), call.key(), call.param("versionId"));
      Acl acl = a.objectAcl(m, who);
      return S3Response.xml(AclXml.write(acl.owner() != null ? acl : withOwner(acl, a.shownOwner(who))));
    });
  }

  public Future<S3Response> putBucket(S3Call call) {
    Principal who = ctx.principals().of(call.auth());
    return call.body().toMemory(MAX_DOCUMENT, S3Errors.malformedXml()).compose(body -> ctx.onBucket(call.bucket(), () -> {
      BucketAccess a = access(call);
      Acl acl = newAcl(call, body.bytes(), a, a.shownOwner(who));
      ctx.configs().put(call.bucket(), BucketConfigs.Kind.ACL, acl);
      // The canned name stays on the bucket row too: unsigned POST form uploads check it for public-read-write.
      String canned = AclHeaders.canned(call::header);
      ctx.store().putBucket(a.bucket().withAcl(canned != null ? canned.trim() : "private"));
      return S3Response.ok();
    }));
  }

  public Future<S3Response> putObject(S3Call call) {
    Principal who = ctx.principals().of(call.auth());
    return call.body().toMemory(MAX_DOCUMENT, S3Errors.malformedXml()).compose(body -> ctx.onBucket(call.bucket(), () -> {
      BucketAccess a = access(call);
      ObjectMeta m = versions.read(call.bucket(), call.key(), call.param("versionId"));
      Acl current = a.objectAcl(m, who);
      Acl acl = newAcl(call, body.bytes(), a, current.owner() != null ? current.owner() : a.shownOwner(who));
      versions.update(call.bucket(), m.withAcl(acl));
      return S3Response.ok();
    }));
  }

  private BucketAccess access(S3Call call) {
    return BucketAccess.load(ctx.store(), ctx.configs(), call.bucket()).orElseThrow(S3Errors::noSuchBucket);
  }

  /** The ACL a PUT ?acl sets: from the headers or the document (not both), checked against the bucket's settings. */
  private Acl newAcl(S3Call call, Buffer body, BucketAccess a, Acl.Owner owner) {
    boolean headers = AclHeaders.present(call::header);
    if (headers && body.length() > 0) {
      throw S3Errors.invalidRequest("Specifying both an ACL document and ACL headers is not allowed");
    }
    if (a.aclsDisabled()) {
      if (!"bucket-owner-full-control".equals(AclHeaders.canned(call::header))
          && !(body.length() > 0 && AclXml.parse(body.getBytes(), owner, ctx.principals()).equals(Acl.privateTo(owner)))) {
        throw S3Errors.accessControlListNotSupported();
      }
      return Acl.privateTo(owner);
    }
    Acl acl = headers ? AclHeaders.parse(call::header, owner, a.owner(), ctx.principals())
        : body.length() > 0 ? AclXml.parse(body.getBytes(), owner, ctx.principals()) : null;
    if (acl == null) throw S3Errors.malformedXml();
    if (a.publicAccessBlock().blockPublicAcls() && acl.isPublic()) throw S3Errors.accessDenied();
    return acl;
  }

  /** An owner-less (old) bucket's ACL shown with the caller as owner, who has FULL_CONTROL of it. */
  private static Acl withOwner(Acl acl, Acl.Owner owner) {
    if (owner == null) return acl;
    List<Acl.Grant> grants = new ArrayList<>(Acl.privateTo(owner).grants());
    grants.addAll(acl.grants());
    return new Acl(owner, List.copyOf(grants));
  }

}
