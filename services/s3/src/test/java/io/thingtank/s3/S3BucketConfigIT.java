package io.thingtank.s3;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.BucketCannedACL;
import software.amazon.awssdk.services.s3.model.ObjectCannedACL;
import software.amazon.awssdk.services.s3.model.ObjectOwnership;
import software.amazon.awssdk.services.s3.model.Tag;

/**
 * Ownership controls, the public access block (all four flags enforced) and bucket policy
 * conditions, NotAction/NotResource/NotPrincipal; anonymous requests with plain HTTP.
 */
class S3BucketConfigIT {
  @TempDir static Path dir;
  static S3TestNode tt;
  static S3Client s3;
  static S3Client alt;

  @BeforeAll static void start() {
    tt = new S3TestNode(dir);
    s3 = tt.client();
    alt = tt.client(tt.node.platform().identity().create("alt"));
  }

  @AfterAll static void stop() {
    s3.close();
    alt.close();
    tt.close();
  }



  static void policy(String bucket, String statements) {
    s3.putBucketPolicy(b -> b.bucket(bucket).policy("{\"Version\": \"2012-10-17\", \"Statement\": [" + statements + "]}"));
  }

  @Test void ownershipControlsDisableAcls() {
    s3.createBucket(b -> b.bucket("owned"));
    S3TestNode.assertCode(() -> s3.getBucketOwnershipControls(b -> b.bucket("owned")), "OwnershipControlsNotFoundError");
    s3.putBucketOwnershipControls(b -> b.bucket("owned").ownershipControls(c -> c.rules(r -> r
        .objectOwnership(ObjectOwnership.BUCKET_OWNER_ENFORCED))));
    assertThat(s3.getBucketOwnershipControls(b -> b.bucket("owned")).ownershipControls().rules().get(0).objectOwnership())
        .isEqualTo(ObjectOwnership.BUCKET_OWNER_ENFORCED);
    S3TestNode.assertCode(() -> s3.putObject(b -> b.bucket("owned").key("k").acl(ObjectCannedACL.PUBLIC_READ),
        RequestBody.fromString("x")), "AccessControlListNotSupported");
    S3TestNode.assertCode(() -> s3.putBucketAcl(b -> b.bucket("owned").acl(BucketCannedACL.PUBLIC_READ)), "AccessControlListNotSupported");
    s3.putObject(b -> b.bucket("owned").key("k").acl(ObjectCannedACL.BUCKET_OWNER_FULL_CONTROL), RequestBody.fromString("x"));
    assertThat(s3.getObjectAcl(b -> b.bucket("owned").key("k")).grants()).extracting(g -> g.permission().toString())
        .containsExactly("FULL_CONTROL");

    s3.deleteBucketOwnershipControls(b -> b.bucket("owned"));
    S3TestNode.assertCode(() -> s3.getBucketOwnershipControls(b -> b.bucket("owned")), "OwnershipControlsNotFoundError");
    s3.putBucketAcl(b -> b.bucket("owned").acl(BucketCannedACL.PUBLIC_READ));
    S3TestNode.assertCode(() -> s3.putBucketOwnershipControls(b -> b.bucket("owned").ownershipControls(c -> c.rules(r -> r
        .objectOwnership(ObjectOwnership.BUCKET_OWNER_ENFORCED)))), "InvalidBucketAclWithObjectOwnership");
    s3.createBucket(b -> b.bucket("owned-at-birth").objectOwnership(ObjectOwnership.BUCKET_OWNER_ENFORCED));
    assertThat(s3.getBucketOwnershipControls(b -> b.bucket("owned-at-birth")).ownershipControls().rules().get(0)
        .objectOwnershipAsString()).isEqualTo("BucketOwnerEnforced");
  }

  @Test void publicAccessBlockFlagsAreEnforced() throws Exception {
    s3.createBucket(b -> b.bucket("blocked"));
    s3.putObject(b -> b.bucket("blocked").key("open.txt").acl(ObjectCannedACL.PUBLIC_READ), RequestBody.fromString("o"));
    S3TestNode.assertCode(() -> s3.getPublicAccessBlock(b -> b.bucket("blocked")), "NoSuchPublicAccessBlockConfiguration");
    assertThat(tt.anonymous("GET", "/blocked/open.txt")).isEqualTo(200);

    s3.putPublicAccessBlock(b -> b.bucket("blocked").publicAccessBlockConfiguration(c -> c.blockPublicAcls(true)));
    assertThat(s3.getPublicAccessBlock(b -> b.bucket("blocked")).publicAccessBlockConfiguration().blockPublicAcls()).isTrue();
    S3TestNode.assertCode(() -> s3.putObject(b -> b.bucket("blocked").key("new.txt").acl(ObjectCannedACL.PUBLIC_READ),
        RequestBody.fromString("n")), "AccessDenied");
    S3TestNode.assertCode(() -> s3.putBucketAcl(b -> b.bucket("blocked").acl(BucketCannedACL.PUBLIC_READ)), "AccessDenied");
    S3TestNode.assertCode(() -> s3.putObjectAcl(b -> b.bucket("blocked").key("open.txt").grantRead(
        "uri=\"http://acs.amazonaws.com/groups/global/AllUsers\"")), "AccessDenied");
    assertThat(tt.anonymous("GET", "/blocked/open.txt")).as("existing ACLs still count").isEqualTo(200);

    s3.putPublicAccessBlock(b -> b.bucket("blocked").publicAccessBlockConfiguration(c -> c.ignorePublicAcls(true)));
    assertThat(tt.anonymous("GET", "/blocked/open.txt")).isEqualTo(403);

    String publicRead = "{\"Effect\": \"Allow\", \"Principal\": \"*\", \"Action\": \"s3:GetObject\","
        + " \"Resource\": \"arn:aws:s3:::blocked/*\"}";
    s3.putPublicAccessBlock(b -> b.bucket("blocked").publicAccessBlockConfiguration(c -> c.blockPublicPolicy(true)));
    S3TestNode.assertCode(() -> policy("blocked", publicRead), "AccessDenied");
    policy("blocked", publicRead.replace("}", ", \"Condition\": {\"IpAddress\": {\"aws:SourceIp\": \"127.0.0.0/8\"}}}"));
    assertThat(tt.anonymous("GET", "/blocked/open.txt")).as("allowed by a policy tied to a source").isEqualTo(200);

    s3.deletePublicAccessBlock(b -> b.bucket("blocked"));
    policy("blocked", publicRead);
    s3.putObject(b -> b.bucket("blocked").key("via-policy.txt"), RequestBody.fromString("p"));
    assertThat(tt.anonymous("GET", "/blocked/via-policy.txt")).isEqualTo(200);
    s3.putPublicAccessBlock(b -> b.bucket("blocked").publicAccessBlockConfiguration(c -> c.restrictPublicBuckets(true)));
    assertThat(tt.anonymous("GET", "/blocked/via-policy.txt")).isEqualTo(403);
    assertThat(s3.getObjectAsBytes(b -> b.bucket("blocked").key("via-policy.txt")).asUtf8String()).isEqualTo("p");
    s3.deletePublicAccessBlock(b -> b.bucket("blocked"));
    S3TestNode.assertCode(() -> s3.getPublicAccessBlock(b -> b.bucket("blocked")), "NoSuchPublicAccessBlockConfiguration");
  }

  @Test void policyConditionsAndNegatedElements() throws Exception {
    s3.createBucket(b -> b.bucket("conditional"));
    for (String k : new String[] {"public/a.txt", "private/b.txt", "locked/c.txt", "ro/d.txt"}) {
      s3.putObject(b -> b.bucket("conditional").key(k), RequestBody.fromString(k));
    }
    s3.putObject(b -> b.bucket("conditional").key("tagged.txt").tagging("class=public"), RequestBody.fromString("t"));
    String ownerId = s3.listBuckets().owner().id();
    policy("conditional", String.join(",",
        "{\"Effect\": \"Allow\", \"Principal\": \"*\", \"Action\": \"s3:ListBucket\", \"Resource\": \"arn:aws:s3:::conditional\","
            + " \"Condition\": {\"StringLike\": {\"s3:prefix\": \"public/*\"}, \"NumericLessThanEqualsIfExists\": {\"s3:max-keys\": \"10\"}}}",
        "{\"Effect\": \"Allow\", \"Principal\": \"*\", \"Action\": \"s3:GetObject\", \"NotResource\": [\"arn:aws:s3:::conditional/private/*\","
            + " \"arn:aws:s3:::conditional/tagged.txt\", \"arn:aws:s3:::conditional/locked/*\"],"
            + " \"Condition\": {\"IpAddress\": {\"aws:SourceIp\": [\"10.0.0.0/8\", \"127.0.0.1/32\"]}}}",
        "{\"Effect\": \"Allow\", \"Principal\": {\"AWS\": \"*\"}, \"Action\": \"s3:GetObject\", \"Resource\": \"arn:aws:s3:::conditional/tagged.txt\","
            + " \"Condition\": {\"StringEquals\": {\"s3:ExistingObjectTag/class\": \"public\"}}}",
        "{\"Effect\": \"Deny\", \"Principal\": \"*\", \"Action\": \"s3:GetObject\", \"Resource\": \"arn:aws:s3:::conditional/locked/*\","
            + " \"Condition\": {\"Bool\": {\"aws:SecureTransport\": \"false\"}}}",
        "{\"Effect\": \"Deny\", \"Principal\": \"*\", \"NotAction\": [\"s3:GetObject\", \"s3:ListBucket\"], \"Resource\": \"arn:aws:s3:::conditional/ro/*\"}",
        "{\"Effect\": \"Deny\", \"NotPrincipal\": {\"CanonicalUser\": \"" + ownerId + "\"}, \"Action\": \"s3:GetObject\","
            + " \"Resource\": \"arn:aws:s3:::conditional/private/*\"}"));

    assertThat(tt.anonymous("GET", "/conditional?prefix=public/")).isEqualTo(200);
    assertThat(tt.anonymous("GET", "/conditional?prefix=public/&max-keys=5")).isEqualTo(200);
    assertThat(tt.anonymous("GET", "/conditional?prefix=public/&max-keys=50")).isEqualTo(403);
    assertThat(tt.anonymous("GET", "/conditional?prefix=private/")).isEqualTo(403);
    assertThat(tt.anonymous("GET", "/conditional")).isEqualTo(403);
    assertThat(tt.anonymous("GET", "/conditional/public/a.txt")).isEqualTo(200);
    assertThat(tt.anonymous("GET", "/conditional/private/b.txt")).isEqualTo(403);
    assertThat(tt.anonymous("GET", "/conditional/tagged.txt")).isEqualTo(200);
    s3.putObjectTagging(b -> b.bucket("conditional").key("tagged.txt").tagging(t -> t.tagSet(Tag.builder().key("class")
        .value("secret").build())));
    assertThat(tt.anonymous("GET", "/conditional/tagged.txt")).isEqualTo(403);
    S3TestNode.assertCode(() -> s3.getObject(b -> b.bucket("conditional").key("locked/c.txt")), "AccessDenied");
    S3TestNode.assertCode(() -> s3.putObject(b -> b.bucket("conditional").key("ro/d.txt"), RequestBody.fromString("no")), "AccessDenied");
    assertThat(s3.getObjectAsBytes(b -> b.bucket("conditional").key("ro/d.txt")).asUtf8String()).isEqualTo("ro/d.txt");
    s3.putObjectAcl(b -> b.bucket("conditional").key("private/b.txt").grantRead("id=\"" + alt.listBuckets().owner().id() + "\""));
    S3TestNode.assertCode(() -> alt.getObject(b -> b.bucket("conditional").key("private/b.txt")), "AccessDenied");
    assertThat(s3.getObjectAsBytes(b -> b.bucket("conditional").key("private/b.txt")).asUtf8String()).isEqualTo("private/b.txt");

    S3TestNode.assertCode(() -> policy("conditional", "{\"Effect\": \"Allow\", \"Principal\": \"*\", \"Action\": \"s3:GetObject\","
        + " \"Resource\": \"arn:aws:s3:::conditional/*\", \"Condition\": {\"StringMatchesSortOf\": {\"s3:prefix\": \"a\"}}}"),
        "MalformedPolicy");
  }
}
