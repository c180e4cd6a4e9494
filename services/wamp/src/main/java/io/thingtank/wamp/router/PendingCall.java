package io.thingtank.wamp.router;

/** A call in flight: caller and its request id, callee and its invocation id. Realm-thread confined. */
final class PendingCall {
  final Session caller;
  final long callRequest;
  final Session callee;
  final long invocation;
  final boolean receiveProgress;
  final long registration;
  long timer = -1;
  /** A CANCEL in mode kill was sent on: waiting for the callee's ERROR. */
  boolean killing;

  PendingCall(Session caller, long callRequest, Session callee, long invocation, boolean receiveProgress,
      long registration) {
    this.caller = caller;
    this.callRequest = callRequest;
    this.callee = callee;
    this.invocation = invocation;
    this.receiveProgress = receiveProgress;
    this.registration = registration;
  }
}
