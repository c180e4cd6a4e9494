package io.thingtank.s3.model;

import java.util.List;

/**
 * An access control list (S3 User Guide, "Access control list (ACL) overview"): the resource's
 * owner and up to 100 grants of READ, WRITE, READ_ACP, WRITE_ACP or FULL_CONTROL to a canonical
 * user or a group (AllUsers, AuthenticatedUsers, LogDelivery).
 */
public record Acl(Owner owner, List<Grant> grants) {
  public static final String ALL_USERS = "http://acs.amazonaws.com/groups/global/AllUsers";
  public static final String AUTHENTICATED_USERS = "http://acs.amazonaws.com/groups/global/AuthenticatedUsers";
  public static final String LOG_DELIVERY = "http://acs.amazonaws.com/groups/s3/LogDelivery";

  /** A canonical user: the 64-hex-digit id and the display name S3 shows. */
  public record Owner(String id, String displayName) {}

  /** {@code type} is CanonicalUser (with id) or Group (with uri). */
  public record Grantee(String type, String id, String displayName, String uri) {
    public static Grantee user(Owner o) { return new Grantee("CanonicalUser", o.id(), o.displayName(), null); }

    public static Grantee group(String uri) { return new Grantee("Group", null, null, uri); }

    public boolean isPublicGroup() { return uri != null && (uri.equals(ALL_USERS) || uri.equals(AUTHENTICATED_USERS)); }
  }

  public record Grant(Grantee grantee, String permission) {}

  /** The owner's FULL_CONTROL and nothing else (canned {@code private}); no grants for an unknown owner. */
  public static Acl privateTo(Owner owner) {
    return new Acl(owner, owner == null ? List.of() : List.of(new Grant(Grantee.user(owner), "FULL_CONTROL")));
  }

  /** Grants something to AllUsers or AuthenticatedUsers (S3's definition of a public ACL). */
  public boolean isPublic() { return grants.stream().anyMatch(g -> g.grantee().isPublicGroup()); }
}
