package io.thingtank.s3.access;

import io.thingtank.s3.S3Errors;
import io.thingtank.s3.model.Acl;
import io.thingtank.s3.model.Acl.Grant;
import io.thingtank.s3.model.Acl.Grantee;
import io.thingtank.s3.wire.XmlIn;
import io.thingtank.s3.wire.XmlOut;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * The AccessControlPolicy document of Get/PutBucketAcl and Get/PutObjectAcl. A grantee's type
 * is taken from what it names (ID, URI or EmailAddress), which is what its {@code xsi:type} says.
 */
public final class AclXml {
  private static final Set<String> PERMISSIONS = Set.of("READ", "WRITE", "READ_ACP", "WRITE_ACP", "FULL_CONTROL");
  private static final int MAX_GRANTS = 100;

  private AclXml() {}

  /** Parses a policy for a resource owned by {@code owner}; the Owner ID in the document must be the owner's. */
  public static Acl parse(byte[] body, Acl.Owner owner, Principals users) {
    XmlIn doc = XmlIn.parse(body, "AccessControlPolicy");
    XmlIn list = doc.child("AccessControlList");
    if (list == null) throw S3Errors.malformedXml();
    String ownerId = doc.child("Owner") == null ? null : doc.child("Owner").text("ID");
    if (ownerId != null && owner != null && !ownerId.trim().equals(owner.id())) throw S3Errors.accessDenied();
    List<Grant> grants = new ArrayList<>();
    for (XmlIn g : list.children("Grant")) {
      XmlIn grantee = g.child("Grantee");
      String permission = g.text("Permission");
      if (grantee == null || permission == null || !PERMISSIONS.contains(permission.trim())) throw S3Errors.malformedXml();
      Grantee who;
      if (grantee.text("ID") != null) who = AclHeaders.user(grantee.text("ID").trim(), users);
      else if (grantee.text("URI") != null) who = Grantee.group(grantee.text("URI").trim());
      else if (grantee.text("EmailAddress") != null) throw AclHeaders.unresolvableEmail();
      else throw S3Errors.malformedXml();
      grants.add(new Grant(who, permission.trim()));
    }
    if (grants.size() > MAX_GRANTS) throw S3Errors.malformedXml();
    return new Acl(owner, List.copyOf(grants));
  }

  public static XmlOut write(Acl acl) {
    XmlOut x = XmlOut.document("AccessControlPolicy");
    x.open("Owner").el("ID", acl.owner().id()).el("DisplayName", acl.owner().displayName()).close();
    x.open("AccessControlList");
    for (Grant g : acl.grants()) {
      Grantee e = g.grantee();
      x.open("Grant").open("Grantee xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\" xsi:type=\"" + e.type() + "\"");
      if (e.uri() != null) x.el("URI", e.uri());
      else x.el("ID", e.id()).el("DisplayName", e.displayName());
      x.closeAs("Grantee").el("Permission", g.permission()).close();
    }
    return x.close();
  }
}
