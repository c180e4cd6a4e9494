package io.thingtank.s3;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.GetObjectAclResponse;
import software.amazon.awssdk.services.s3.model.Grant;
import software.amazon.awssdk.services.s3.model.Grantee;
import software.amazon.awssdk.services.s3.model.ObjectCannedACL;
import software.amazon.awssdk.services.s3.model.Permission;
import software.amazon.awssdk.services.s3.model.Type;

/**
 * Object and bucket ACLs (canned, x-amz-grant-* headers, AccessControlPolicy documents) enforced for
 * anonymous callers (plain HTTP) and another canonical user (a second access key, SDK client).
 */
class S3AclIT {
  static final String ALL_USERS = "http://acs.amazonaws.com/groups/global/AllUsers";
  static final String AUTHENTICATED = "http://acs.amazonaws.com/groups/global/AuthenticatedUsers";
  @TempDir static Path dir;
  static S3TestNode tt;
  static S3Client owner;
  static S3Client alt;
  static String ownerId;
  static String altId;

  @BeforeAll static void start() {
    tt = new S3TestNode(dir);
    owner = tt.client();
    alt = tt.client(tt.node.platform().identity().create("alt"));
    ownerId = owner.listBuckets().owner().id();
    altId = alt.listBuckets().owner().id();
  }

  @AfterAll static void stop() {
    owner.close();
    alt.close();
    tt.close();
  }




  static Grant grant(Grantee g, Permission p) { return Grant.builder().grantee(g).permission(p).build(); }

  @Test void objectAclsFromCannedHeadersGrantHeadersAndDocuments() throws Exception {
    owner.createBucket(b -> b.bucket("acl-objects"));
    owner.putObject(b -> b.bucket("acl-objects").key("private.txt"), RequestBody.fromString("mine"));
    owner.putObject(b -> b.bucket("acl-objects").key("public.txt").acl(ObjectCannedACL.PUBLIC_READ),
        RequestBody.fromString("everyone"));
    assertThat(ownerId).matches("[0-9a-f]{64}").isNotEqualTo(altId);

    // Canned: private by default, public-read readable by anyone; the bucket itself stays private.
    assertThat(tt.anonymous("GET", "/acl-objects/private.txt")).isEqualTo(403);
    S3TestNode.assertCode(() -> alt.getObjectAsBytes(b -> b.bucket("acl-objects").key("private.txt")), "AccessDenied");
    assertThat(tt.anonymous("GET", "/acl-objects/public.txt")).isEqualTo(200);
    assertThat(alt.getObjectAsBytes(b -> b.bucket("acl-objects").key("public.txt")).asUtf8String()).isEqualTo("everyone");
    assertThat(tt.anonymous("GET", "/acl-objects")).isEqualTo(403);
    assertThat(tt.anonymous("PUT", "/acl-objects/intruder")).isEqualTo(403);
    GetObjectAclResponse pub = owner.getObjectAcl(b -> b.bucket("acl-objects").key("public.txt"));
    assertThat(pub.owner().id()).isEqualTo(ownerId);
    assertThat(pub.owner().displayName()).isEqualTo("root");
    assertThat(pub.grants()).containsExactlyInAnyOrder(
        grant(Grantee.builder().type(Type.CANONICAL_USER).id(ownerId).displayName("root").build(), Permission.FULL_CONTROL),
        grant(Grantee.builder().type(Type.GROUP).uri(ALL_USERS).build(), Permission.READ));

    // Grant headers: READ to the other user by id; it may read, not read or change the ACL.
    owner.putObjectAcl(b -> b.bucket("acl-objects").key("private.txt").grantRead("id=\"" + altId + "\""));
    assertThat(alt.getObjectAsBytes(b -> b.bucket("acl-objects").key("private.txt")).asUtf8String()).isEqualTo("mine");
    assertThat(tt.anonymous("GET", "/acl-objects/private.txt")).isEqualTo(403);
    S3TestNode.assertCode(() -> alt.getObjectAcl(b -> b.bucket("acl-objects").key("private.txt")), "AccessDenied");
    S3TestNode.assertCode(() -> alt.putObjectAcl(b -> b.bucket("acl-objects").key("private.txt").acl(ObjectCannedACL.PUBLIC_READ)),
        "AccessDenied");

    // A document: READ_ACP to the other user, READ to AuthenticatedUsers.
    owner.putObjectAcl(b -> b.bucket("acl-objects").key("private.txt").accessControlPolicy(p -> p
        .owner(o -> o.id(ownerId)).grants(
            grant(Grantee.builder().type(Type.CANONICAL_USER).id(ownerId).build(), Permission.FULL_CONTROL),
            grant(Grantee.builder().type(Type.CANONICAL_USER).id(altId).build(), Permission.READ_ACP),
            grant(Grantee.builder().type(Type.GROUP).uri(AUTHENTICATED).build(), Permission.READ))));
    assertThat(alt.getObjectAcl(b -> b.bucket("acl-objects").key("private.txt")).grants())
        .extracting(g -> g.permission().toString()).containsExactly("FULL_CONTROL", "READ_ACP", "READ");
    assertThat(alt.getObjectAsBytes(b -> b.bucket("acl-objects").key("private.txt")).asUtf8String()).isEqualTo("mine");
    assertThat(tt.anonymous("GET", "/acl-objects/private.txt")).isEqualTo(403);

    // Copies and multipart uploads take x-amz-acl too; a copy needs the source to be readable.
    owner.copyObject(b -> b.sourceBucket("acl-objects").sourceKey("public.txt").destinationBucket("acl-objects")
        .destinationKey("copy.txt").acl(ObjectCannedACL.PUBLIC_READ));
    assertThat(tt.anonymous("GET", "/acl-objects/copy.txt")).isEqualTo(200);
    String upload = owner.createMultipartUpload(b -> b.bucket("acl-objects").key("mp.txt")
        .acl(ObjectCannedACL.PUBLIC_READ)).uploadId();
    String etag = owner.uploadPart(b -> b.bucket("acl-objects").key("mp.txt").uploadId(upload).partNumber(1),
        RequestBody.fromString("parts")).eTag();
    owner.completeMultipartUpload(b -> b.bucket("acl-objects").key("mp.txt").uploadId(upload)
        .multipartUpload(m -> m.parts(p -> p.partNumber(1).eTag(etag))));
    assertThat(tt.anonymous("GET", "/acl-objects/mp.txt")).isEqualTo(200);

    S3TestNode.assertCode(() -> owner.putObjectAcl(b -> b.bucket("acl-objects").key("copy.txt")
        .grantRead("emailAddress=\"someone@example.com\"")), "UnresolvableGrantByEmailAddress");
    S3TestNode.assertCode(() -> owner.getObjectAcl(b -> b.bucket("acl-objects").key("absent")), "NoSuchKey");
    S3TestNode.assertCode(() -> owner.putObjectAcl(b -> b.bucket("acl-objects").key("copy.txt").grantRead("id=\"" + "0".repeat(64)
        + "\"")), "InvalidArgument");
  }

  @Test void bucketAclsGoverneOtherUsers() throws Exception {
    owner.createBucket(b -> b.bucket("acl-shared"));
    owner.putObject(b -> b.bucket("acl-shared").key("owned.txt"), RequestBody.fromString("owner's"));
    S3TestNode.assertCode(() -> alt.listObjectsV2(b -> b.bucket("acl-shared")), "AccessDenied");
    S3TestNode.assertCode(() -> alt.putObject(b -> b.bucket("acl-shared").key("a.txt"), RequestBody.fromString("a")), "AccessDenied");
    S3TestNode.assertCode(() -> alt.createBucket(b -> b.bucket("acl-shared")), "BucketAlreadyExists");
    S3TestNode.assertCode(() -> owner.createBucket(b -> b.bucket("acl-shared")), "BucketAlreadyOwnedByYou");

    owner.putBucketAcl(b -> b.bucket("acl-shared").grantRead("uri=\"" + AUTHENTICATED + "\"")
        .grantWrite("id=\"" + altId + "\"").grantFullControl("id=\"" + ownerId + "\""));
    assertThat(alt.listObjectsV2(b -> b.bucket("acl-shared")).contents()).extracting(o -> o.key()).containsExactly("owned.txt");
    assertThat(tt.anonymous("GET", "/acl-shared")).isEqualTo(403);
    alt.putObject(b -> b.bucket("acl-shared").key("alt.txt"), RequestBody.fromString("alt's"));
    assertThat(alt.getObjectAcl(b -> b.bucket("acl-shared").key("alt.txt")).owner().id()).isEqualTo(altId);
    S3TestNode.assertCode(() -> alt.getObjectAsBytes(b -> b.bucket("acl-shared").key("owned.txt")), "AccessDenied");
    S3TestNode.assertCode(() -> alt.getBucketAcl(b -> b.bucket("acl-shared")), "AccessDenied");
    alt.deleteObject(b -> b.bucket("acl-shared").key("alt.txt"));

    assertThat(owner.getBucketAcl(b -> b.bucket("acl-shared")).grants()).extracting(g -> g.permission().toString())
        .containsExactlyInAnyOrder("READ", "WRITE", "FULL_CONTROL");
    owner.putBucketAcl(b -> b.bucket("acl-shared").acl(software.amazon.awssdk.services.s3.model.BucketCannedACL.PUBLIC_READ));
    assertThat(tt.anonymous("GET", "/acl-shared")).isEqualTo(200);
    assertThat(tt.anonymous("GET", "/acl-shared/owned.txt")).isEqualTo(403);
    S3TestNode.assertCode(() -> alt.putObject(b -> b.bucket("acl-shared").key("b.txt"), RequestBody.fromString("b")), "AccessDenied");
  }

  static boolean publicRead(GetObjectAclResponse acl) {
    return acl.grants().stream().anyMatch(g -> ALL_USERS.equals(g.grantee().uri()) && g.permission() == Permission.READ);
  }

  @Test void anAclBelongsToOneObjectVersion() throws Exception {
    // GIVEN a versioned bucket alt may write to, and a public-read version followed by a private one
    owner.createBucket(b -> b.bucket("acl-versions"));
    owner.putBucketVersioning(b -> b.bucket("acl-versions").versioningConfiguration(v -> v.status("Enabled")));
    owner.putBucketAcl(b -> b.bucket("acl-versions").grantWrite("id=\"" + altId + "\"")
        .grantFullControl("id=\"" + ownerId + "\""));
    String v1 = owner.putObject(b -> b.bucket("acl-versions").key("k").acl(ObjectCannedACL.PUBLIC_READ),
        RequestBody.fromString("one")).versionId();
    String v2 = owner.putObject(b -> b.bucket("acl-versions").key("k"), RequestBody.fromString("two")).versionId();

    // THEN each version answers with its own ACL, to GetObjectAcl and to anonymous readers
    assertThat(tt.anonymous("GET", "/acl-versions/k")).isEqualTo(403);
    assertThat(tt.anonymous("GET", "/acl-versions/k?versionId=" + v1)).isEqualTo(200);
    assertThat(publicRead(owner.getObjectAcl(b -> b.bucket("acl-versions").key("k").versionId(v1)))).isTrue();
    assertThat(publicRead(owner.getObjectAcl(b -> b.bucket("acl-versions").key("k")))).isFalse();

    // WHEN the ACLs of both versions are swapped THEN the readers follow
    owner.putObjectAcl(b -> b.bucket("acl-versions").key("k").versionId(v2).acl(ObjectCannedACL.PUBLIC_READ));
    owner.putObjectAcl(b -> b.bucket("acl-versions").key("k").versionId(v1).acl(ObjectCannedACL.PRIVATE));
    assertThat(tt.anonymous("GET", "/acl-versions/k")).isEqualTo(200);
    assertThat(tt.anonymous("GET", "/acl-versions/k?versionId=" + v1)).isEqualTo(403);
    S3TestNode.assertCode(() -> owner.getObjectAcl(b -> b.bucket("acl-versions").key("k").versionId("0000000000000001")),
        "NoSuchVersion");

    // WHEN alt writes a version and then deletes the key THEN that version and the marker are alt's
    String v3 = alt.putObject(b -> b.bucket("acl-versions").key("k"), RequestBody.fromString("three")).versionId();
    assertThat(owner.getObjectAcl(b -> b.bucket("acl-versions").key("k").versionId(v3)).owner().id()).isEqualTo(altId);
    assertThat(owner.getObjectAcl(b -> b.bucket("acl-versions").key("k").versionId(v2)).owner().id()).isEqualTo(ownerId);
    alt.deleteObject(b -> b.bucket("acl-versions").key("k"));
    var listed = owner.listObjectVersions(b -> b.bucket("acl-versions"));
    assertThat(listed.deleteMarkers()).singleElement().satisfies(m -> assertThat(m.owner().id()).isEqualTo(altId));
    assertThat(listed.versions()).extracting(v -> v.versionId() + " " + v.owner().id())
        .containsExactly(v3 + " " + altId, v2 + " " + ownerId, v1 + " " + ownerId);
  }
}
