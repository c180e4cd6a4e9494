package io.thingtank.s3.access;

import static io.thingtank.s3.wire.S3Operation.*;

import io.thingtank.s3.S3Context;
import io.thingtank.s3.S3Errors;
import io.thingtank.s3.handler.CopySource;
import io.thingtank.s3.model.Bucket;
import io.thingtank.s3.model.ObjectMeta;
import io.thingtank.s3.version.ObjectVersions;
import io.thingtank.s3.wire.S3Call;
import io.thingtank.s3.wire.S3Operation;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Decides whether a request may run (S3 User Guide, "How Amazon S3 authorizes a request"): an
 * explicit Deny in the bucket policy refuses anyone; the bucket owner may do everything; others
 * need a policy Allow (ignored for non-owners when RestrictPublicBuckets is on and the policy is
 * public) or an ACL grant (none while ACLs are disabled by BucketOwnerEnforced; grants to the
 * public groups skipped under IgnorePublicAcls): bucket READ to list, WRITE to write or delete
 * objects, READ_ACP / WRITE_ACP for the ACL itself; object READ to read an object, whose copy
 * source must be readable too; with a version id it is that version's ACL that counts. New-object
 * ACL headers are checked before the body is read.
 * Blocking (it reads the store): on the bucket's store stripe, or on the event loop for
 * {@code BlockingRead} operations (point reads need no write ordering).
 */
public final class Authorizer {
  private static final Set<S3Operation> POLICY_OPS = Set.of(GetBucketPolicy, PutBucketPolicy, DeleteBucketPolicy);
  private static final Set<S3Operation> NEW_OBJECT = Set.of(PutObject, CopyObject, CreateMultipartUpload);

  /** The ACL permission an operation needs from a non-owner, on the bucket or on the object. */
  private record Needed(String permission, boolean onObject) {}

  private static final Map<S3Operation, Needed> NEEDED = new EnumMap<>(S3Operation.class);

  static {
    for (S3Operation op : Set.of(ListObjects, ListObjectsV2, ListObjectVersions, HeadBucket, ListMultipartUploads)) {
      NEEDED.put(op, new Needed("READ", false));
    }
    for (S3Operation op : Set.of(PutObject, CopyObject, DeleteObject, DeleteObjects, CreateMultipartUpload, UploadPart,
        UploadPartCopy, CompleteMultipartUpload, AbortMultipartUpload, ListParts)) {
      NEEDED.put(op, new Needed("WRITE", false));
    }
    NEEDED.put(GetBucketAcl, new Needed("READ_ACP", false));
    NEEDED.put(PutBucketAcl, new Needed("WRITE_ACP", false));
    NEEDED.put(GetObject, new Needed("READ", true));
    NEEDED.put(HeadObject, new Needed("READ", true));
    NEEDED.put(GetObjectAttributes, new Needed("READ", true));
    NEEDED.put(GetObjectAcl, new Needed("READ_ACP", true));
    NEEDED.put(PutObjectAcl, new Needed("WRITE_ACP", true));
  }

  private final S3Context ctx;
  private final ObjectVersions versions;

  public Authorizer(S3Context ctx) {
    this.ctx = ctx;
    this.versions = new ObjectVersions(ctx);
  }

  /** Fails with AccessDenied (or the ACL errors); returns the addressed bucket, or null. */
  public Bucket check(S3Call call) {
    S3Operation op = call.operation();
    Principal who = ctx.principals().of(call.auth());
    Optional<BucketAccess> found = call.bucket() == null ? Optional.empty()
        : BucketAccess.load(ctx.store(), ctx.configs(), call.bucket());
    if (op == CorsPreflight) return found.map(BucketAccess::bucket).orElse(null);
    if (found.isEmpty()) {
      if (who.anonymous() && op != PostObject) throw S3Errors.accessDenied();
      return null;
    }
    BucketAccess a = found.get();
    if (op == CreateBucket && !who.anonymous()) return a.bucket(); // the handler tells the owner from others
    decide(call, op, who, a);
    if (NEW_OBJECT.contains(op)) ObjectAcls.forNewObject(a, who, call::header, ctx.principals());
    if (op == CopyObject || op == UploadPartCopy) checkCopySource(call, who);
    return a.bucket();
  }

  private void decide(S3Call call, S3Operation op, Principal who, BucketAccess a) {
    boolean owner = a.isOwner(who);
    PolicyRequest request = PolicyRequest.of(call, Actions.action(call), Actions.resource(call), who,
        () -> call.key() == null ? null : ctx.store().object(call.bucket(), call.key()).map(ObjectMeta::tags).orElse(null));
    if (policyAllows(a, owner, POLICY_OPS.contains(op), request) || owner || op == PostObject) return;
    Needed n = NEEDED.get(op);
    if (n == null || a.aclsDisabled()) throw S3Errors.accessDenied();
    boolean ignorePublic = a.publicAccessBlock().ignorePublicAcls();
    if (n.onObject()) {
      Optional<ObjectMeta> m = object(call.bucket(), call.key(), call.param("versionId"));
      // A missing key is NoSuchKey to those who may list the bucket (with s3:prefix = the key), AccessDenied to others.
      boolean ok = m.isPresent() ? AclPermissions.allows(a.objectAcl(m.get(), who), who, n.permission(), ignorePublic)
          : AclPermissions.allows(a.acl(), who, "READ", ignorePublic) || policyAllows(a, false, false,
              new PolicyRequest("s3:ListBucket", "arn:aws:s3:::" + call.bucket(), who,
                  k -> k.equals("s3:prefix") ? List.of(call.key()) : request.context().apply(k)));
      if (!ok) throw S3Errors.accessDenied();
    } else if (!AclPermissions.allows(a.acl(), who, n.permission(), ignorePublic)) {
      throw S3Errors.accessDenied();
    }
  }

  /** True on an Allow that counts; fails on an explicit Deny (the owner managing the policy itself excepted). */
  private static boolean policyAllows(BucketAccess a, boolean owner, boolean policyOp, PolicyRequest request) {
    if (a.policy() == null || owner && policyOp) return false;
    BucketPolicy.Decision d = a.policy().evaluate(request);
    if (d == BucketPolicy.Decision.DENY) throw S3Errors.accessDenied();
    return d == BucketPolicy.Decision.ALLOW && (owner || !a.publicAccessBlock().restrictPublicBuckets()
        || !a.policy().isPublic());
  }

  /** The current version, or the one {@code versionId} names; a delete marker counts as none. */
  private Optional<ObjectMeta> object(String bucket, String key, String versionId) {
    return (versionId == null ? ctx.store().object(bucket, key) : versions.find(bucket, key, versionId))
        .filter(m -> !m.deleteMarker());
  }

  private void checkCopySource(S3Call call, Principal who) {
    CopySource src = CopySource.parse(call.header("x-amz-copy-source"));
    Optional<BucketAccess> found = BucketAccess.load(ctx.store(), ctx.configs(), src.bucket());
    if (found.isEmpty()) return;
    BucketAccess a = found.get();
    boolean owner = a.isOwner(who);
    PolicyRequest request = PolicyRequest.of(call, "s3:GetObject", "arn:aws:s3:::" + src.bucket() + "/" + src.key(), who,
        () -> ctx.store().object(src.bucket(), src.key()).map(ObjectMeta::tags).orElse(null));
    if (policyAllows(a, owner, false, request) || owner) return;
    Optional<ObjectMeta> m = object(src.bucket(), src.key(), src.versionId());
    boolean ignorePublic = a.publicAccessBlock().ignorePublicAcls();
    if (a.aclsDisabled() || m.isEmpty() || !AclPermissions.allows(a.objectAcl(m.get(), who), who, "READ", ignorePublic)) {
      throw S3Errors.accessDenied();
    }
  }
}
