package io.thingtank.s3.model;

/** A bucket: its name, when it was created, its region (LocationConstraint) and canned ACL. */
public record Bucket(String name, long createdMillis, String region, String acl) {}
