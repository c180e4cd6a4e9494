package io.thingtank.s3.access;

import io.thingtank.s3.model.Acl;
import io.thingtank.s3.model.Acl.Grant;

/**
 * Whether an ACL grants a permission to a caller (S3 User Guide, "Access control list (ACL)
 * overview", "Grantee" and "Permissions"): FULL_CONTROL implies the others, AllUsers matches
 * anyone, AuthenticatedUsers any signed caller; the owner always has READ_ACP and WRITE_ACP.
 */
public final class AclPermissions {
  private AclPermissions() {}

  /** {@code ignorePublic}: the public access block's IgnorePublicAcls. */
  public static boolean allows(Acl acl, Principal who, String permission, boolean ignorePublic) {
    if (permission.endsWith("_ACP") && who.is(acl.owner())) return true;
    for (Grant g : acl.grants()) {
      if (!g.permission().equals(permission) && !g.permission().equals("FULL_CONTROL")) continue;
      if (ignorePublic && g.grantee().isPublicGroup()) continue;
      String uri = g.grantee().uri();
      if (Acl.ALL_USERS.equals(uri)) return true;
      if (Acl.AUTHENTICATED_USERS.equals(uri) && !who.anonymous()) return true;
      if (uri == null && who.id() != null && who.id().equals(g.grantee().id())) return true;
    }
    return false;
  }
}
