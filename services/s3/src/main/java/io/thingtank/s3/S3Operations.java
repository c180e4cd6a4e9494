package io.thingtank.s3;

import io.thingtank.s3.handler.AclHandlers;
import io.thingtank.s3.handler.BucketHandlers;
import io.thingtank.s3.handler.BucketPolicyHandlers;
import io.thingtank.s3.handler.CorsHandlers;
import io.thingtank.s3.handler.CompleteMultipartHandler;
import io.thingtank.s3.handler.CopyObjectHandler;
import io.thingtank.s3.handler.DeleteObjectHandlers;
import io.thingtank.s3.handler.GetObjectHandler;
import io.thingtank.s3.handler.ListObjectsHandler;
import io.thingtank.s3.handler.MultipartHandlers;
import io.thingtank.s3.handler.NotificationHandlers;
import io.thingtank.s3.handler.ObjectAttributesHandler;
import io.thingtank.s3.handler.OwnershipHandlers;
import io.thingtank.s3.handler.PostObjectHandler;
import io.thingtank.s3.handler.PublicAccessBlockHandlers;
import io.thingtank.s3.handler.PutObjectHandler;
import io.thingtank.s3.handler.BucketSettingsHandlers;
import io.thingtank.s3.handler.S3Handler;
import io.thingtank.s3.handler.TaggingHandlers;
import io.thingtank.s3.wire.S3Operation;
import java.util.EnumMap;
import java.util.Map;

/** The implemented operations and their handlers; every other routed operation answers NotImplemented. */
final class S3Operations {
  private S3Operations() {}

  static Map<S3Operation, S3Handler> handlers(S3Context ctx) {
    Map<S3Operation, S3Handler> m = new EnumMap<>(S3Operation.class);
    BucketHandlers buckets = new BucketHandlers(ctx);
    m.put(S3Operation.ListBuckets, buckets::list);
    m.put(S3Operation.CreateBucket, buckets::create);
    m.put(S3Operation.HeadBucket, buckets::head);
    m.put(S3Operation.DeleteBucket, buckets::delete);
    m.put(S3Operation.GetBucketLocation, buckets::location);
    ListObjectsHandler lists = new ListObjectsHandler(ctx);
    m.put(S3Operation.ListObjects, lists::v1);
    m.put(S3Operation.ListObjectsV2, lists::v2);
    m.put(S3Operation.ListObjectVersions, lists::versions);
    GetObjectHandler get = new GetObjectHandler(ctx);
    m.put(S3Operation.GetObject, get);
    m.put(S3Operation.HeadObject, get);
    m.put(S3Operation.PutObject, new PutObjectHandler(ctx));
    m.put(S3Operation.CopyObject, new CopyObjectHandler(ctx));
    DeleteObjectHandlers deletes = new DeleteObjectHandlers(ctx);
    m.put(S3Operation.DeleteObject, deletes::deleteOne);
    m.put(S3Operation.DeleteObjects, deletes::deleteMany);
    MultipartHandlers mp = new MultipartHandlers(ctx);
    m.put(S3Operation.CreateMultipartUpload, mp::create);
    m.put(S3Operation.UploadPart, mp::uploadPart);
    m.put(S3Operation.UploadPartCopy, mp::uploadPartCopy);
    m.put(S3Operation.AbortMultipartUpload, mp::abort);
    m.put(S3Operation.ListParts, mp::listParts);
    m.put(S3Operation.ListMultipartUploads, mp::listUploads);
    m.put(S3Operation.CompleteMultipartUpload, new CompleteMultipartHandler(ctx));
    TaggingHandlers tagging = new TaggingHandlers(ctx);
    m.put(S3Operation.GetObjectTagging, tagging::getObject);
    m.put(S3Operation.PutObjectTagging, tagging::putObject);
    m.put(S3Operation.DeleteObjectTagging, tagging::deleteObject);
    m.put(S3Operation.GetBucketTagging, tagging::getBucket);
    m.put(S3Operation.PutBucketTagging, tagging::putBucket);
    m.put(S3Operation.DeleteBucketTagging, tagging::deleteBucket);
    BucketSettingsHandlers settings = new BucketSettingsHandlers(ctx);
    m.put(S3Operation.GetBucketVersioning, settings::getVersioning);
    m.put(S3Operation.PostObject, new PostObjectHandler(ctx));
    m.put(S3Operation.GetObjectAttributes, new ObjectAttributesHandler(ctx));
    BucketPolicyHandlers policy = new BucketPolicyHandlers(ctx);
    m.put(S3Operation.PutBucketPolicy, policy::put);
    m.put(S3Operation.GetBucketPolicy, policy::get);
    m.put(S3Operation.DeleteBucketPolicy, policy::delete);
    CorsHandlers cors = new CorsHandlers(ctx);
    m.put(S3Operation.PutBucketCors, cors::put);
    m.put(S3Operation.GetBucketCors, cors::get);
    m.put(S3Operation.DeleteBucketCors, cors::delete);
    m.put(S3Operation.CorsPreflight, cors::preflight);
    NotificationHandlers notifications = new NotificationHandlers(ctx);
    m.put(S3Operation.PutBucketNotificationConfiguration, notifications::put);
    m.put(S3Operation.GetBucketNotificationConfiguration, notifications::get);
    AclHandlers acls = new AclHandlers(ctx);
    m.put(S3Operation.GetBucketAcl, acls::getBucket);
    m.put(S3Operation.PutBucketAcl, acls::putBucket);
    m.put(S3Operation.GetObjectAcl, acls::getObject);
    m.put(S3Operation.PutObjectAcl, acls::putObject);
    OwnershipHandlers ownership = new OwnershipHandlers(ctx);
    m.put(S3Operation.PutBucketOwnershipControls, ownership::put);
    m.put(S3Operation.GetBucketOwnershipControls, ownership::get);
    m.put(S3Operation.DeleteBucketOwnershipControls, ownership::delete);
    PublicAccessBlockHandlers publicAccess = new PublicAccessBlockHandlers(ctx);
    m.put(S3Operation.PutPublicAccessBlock, publicAccess::put);
    m.put(S3Operation.GetPublicAccessBlock, publicAccess::get);
    m.put(S3Operation.DeletePublicAccessBlock, publicAccess::delete);
    return m;
  }
}
