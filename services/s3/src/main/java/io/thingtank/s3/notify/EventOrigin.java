package io.thingtank.s3.notify;

import io.thingtank.s3.access.Principal;
import io.thingtank.s3.wire.S3Call;
import io.vertx.core.net.SocketAddress;

/**
 * Who caused an event, from where, and in which request: a record's {@code userIdentity},
 * {@code requestParameters} and {@code responseElements} (S3 User Guide, "Event message
 * structure"). {@code requestId} is the {@code x-amz-request-id} (and {@code x-amz-id-2}) the
 * request's response carries, so a client can match the event to its call.
 */
public record EventOrigin(String principalId, String sourceIp, String requestId) {
  /** The principal of a request without credentials (as CloudTrail names it; S3 documents no value for events). */
  public static final String ANONYMOUS = "ANONYMOUS_PRINCIPAL";
  /**
   * The principal and source S3 shows for what its lifecycle rules do (S3 User Guide, "Configuring
   * S3 Lifecycle event notifications": {@code "principalId":"s3.amazonaws.com"},
   * {@code "sourceIPAddress":"s3.amazonaws.com"}).
   */
  public static final String S3_ITSELF = "s3.amazonaws.com";

  /** A request's origin: the canonical user id of {@code who} (as ACLs and listings show it) and the client's address. */
  public static EventOrigin of(S3Call call, Principal who) {
    SocketAddress remote = call.http().remoteAddress();
    return new EventOrigin(who.anonymous() ? ANONYMOUS : who.id(), remote == null ? null : remote.hostAddress(),
        call.requestId());
  }

  /** An expiration by a lifecycle rule; {@code requestId} is one the sweeper made for it. */
  public static EventOrigin lifecycle(String requestId) { return new EventOrigin(S3_ITSELF, S3_ITSELF, requestId); }
}
