package io.thingtank.s3.access;

import io.thingtank.s3.wire.S3Call;
import io.thingtank.s3.wire.S3Operation;

/** The IAM action and resource ARN a request needs (S3 User Guide, "Actions, resources, and condition keys"). */
public final class Actions {
  private Actions() {}

  /**
   * The action of a request: a request that names a {@code versionId} needs the version action
   * (s3:GetObjectVersion, s3:DeleteObjectVersion, s3:GetObjectVersionTagging, ...).
   */
  public static String action(S3Call call) {
    String base = action(call.operation());
    if (call.param("versionId") == null) return base;
    return switch (call.operation()) {
      case GetObject, HeadObject -> "s3:GetObjectVersion";
      case DeleteObject -> "s3:DeleteObjectVersion";
      case GetObjectTagging -> "s3:GetObjectVersionTagging";
      case PutObjectTagging -> "s3:PutObjectVersionTagging";
      case DeleteObjectTagging -> "s3:DeleteObjectVersionTagging";
      case GetObjectAcl -> "s3:GetObjectVersionAcl";
      case PutObjectAcl -> "s3:PutObjectVersionAcl";
      case GetObjectAttributes -> "s3:GetObjectVersionAttributes";
      default -> base;
    };
  }

  public static String action(S3Operation op) {
    return "s3:" + switch (op) {
      case GetObject, HeadObject -> "GetObject";
      case ListObjects, ListObjectsV2, HeadBucket -> "ListBucket";
      case ListObjectVersions -> "ListBucketVersions";
      case PutObject, CopyObject, PostObject, CreateMultipartUpload, UploadPart, UploadPartCopy,
           CompleteMultipartUpload -> "PutObject";
      case DeleteObject, DeleteObjects -> "DeleteObject";
      case ListParts -> "ListMultipartUploadParts";
      case ListMultipartUploads -> "ListBucketMultipartUploads";
      case GetBucketLocation -> "GetBucketLocation";
      case GetObjectAttributes -> "GetObjectAttributes";
      case GetBucketLifecycleConfiguration -> "GetLifecycleConfiguration";
      case PutBucketLifecycleConfiguration, DeleteBucketLifecycle -> "PutLifecycleConfiguration";
      case GetBucketCors -> "GetBucketCORS";
      case PutBucketCors, DeleteBucketCors -> "PutBucketCORS";
      case DeleteBucketTagging -> "PutBucketTagging";
      case DeleteObjectTagging -> "DeleteObjectTagging";
      case GetBucketOwnershipControls -> "GetBucketOwnershipControls";
      case PutBucketOwnershipControls, DeleteBucketOwnershipControls -> "PutBucketOwnershipControls";
      case GetPublicAccessBlock -> "GetBucketPublicAccessBlock";
      case PutPublicAccessBlock, DeletePublicAccessBlock -> "PutBucketPublicAccessBlock";
      case GetBucketNotificationConfiguration -> "GetBucketNotification";
      case PutBucketNotificationConfiguration -> "PutBucketNotification";
      default -> op.name();
    };
  }

  public static String resource(S3Call call) {
    return "arn:aws:s3:::" + call.bucket() + (call.key() == null ? "" : "/" + call.key());
  }
}
