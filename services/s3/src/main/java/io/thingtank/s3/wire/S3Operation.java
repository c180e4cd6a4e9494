package io.thingtank.s3.wire;

/** The S3 operations ThingTank routes, named as in the S3 API Reference. */
public enum S3Operation {
  ListBuckets, CreateBucket, HeadBucket, DeleteBucket, GetBucketLocation,
  ListObjects, ListObjectsV2, ListObjectVersions, DeleteObjects, PostObject,
  GetBucketVersioning, PutBucketVersioning, GetBucketTagging, PutBucketTagging, DeleteBucketTagging,
  GetBucketPolicy, PutBucketPolicy, DeleteBucketPolicy, GetBucketAcl, PutBucketAcl,
  GetBucketCors, PutBucketCors, DeleteBucketCors, GetBucketLifecycleConfiguration,
  PutBucketLifecycleConfiguration, DeleteBucketLifecycle, GetBucketOwnershipControls,
  PutBucketOwnershipControls, DeleteBucketOwnershipControls, GetPublicAccessBlock, PutPublicAccessBlock,
  DeletePublicAccessBlock,
  GetBucketNotificationConfiguration, PutBucketNotificationConfiguration, GetBucketEncryption,
  PutObject, GetObject, HeadObject, DeleteObject, CopyObject, GetObjectAttributes,
  GetObjectTagging, PutObjectTagging, DeleteObjectTagging, GetObjectAcl, PutObjectAcl,
  CreateMultipartUpload, UploadPart, UploadPartCopy, CompleteMultipartUpload, AbortMultipartUpload,
  ListParts, ListMultipartUploads, RestoreObject, SelectObjectContent, CorsPreflight
}
