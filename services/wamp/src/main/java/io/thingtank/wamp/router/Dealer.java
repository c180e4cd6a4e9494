package io.thingtank.wamp.router;

import io.thingtank.wamp.auth.Action;
import io.thingtank.wamp.auth.Permission;
import io.thingtank.wamp.message.Message;
import io.thingtank.wamp.message.WampUris;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Remote procedure calls of one realm (WAMP §10 and the Advanced Profile dealer features):
 * exact/prefix/wildcard registrations, shared registrations, caller identification,
 * progressive results and invocations, call timeouts and canceling. Router procedures
 * ({@code wamp.*} meta API) are answered by {@link MetaApi}. Runs on the realm's thread.
 */
final class Dealer {
  private static final Set<String> POLICIES = Set.of("single", "roundrobin", "random", "first", "last");
  private final Realm realm;
  final UriIndex<Registration> index = new UriIndex<>();
  final Map<Long, Registration> byId = new HashMap<>();

  Dealer(Realm realm) { this.realm = realm; }

  void register(Session s, Message.Register m) {
    Map<String, Object> o = m.options();
    String match = String.valueOf(o.getOrDefault("match", "exact"));
    String invoke = String.valueOf(o.getOrDefault("invoke", "single"));
    try {
      realm.checkUri(m.procedure(), match);
      if (!POLICIES.contains(invoke)) throw new WampException(WampUris.INVALID_ARGUMENT, "unknown invoke policy " + invoke);
      realm.authorize(s, m.procedure(), Action.REGISTER);
      if (m.procedure().startsWith("wamp.") && !realm.isSystem(s)) {
        throw new WampException(WampUris.INVALID_URI, "procedures under 'wamp.' are reserved");
      }
      Registration r = index.get(m.procedure(), match);
      boolean created = r == null;
      if (created) {
        r = new Registration(realm.newId(), m.procedure(), match, invoke, realm.now());
      } else if (!r.invoke.equals(invoke) || "single".equals(invoke) || r.callees.contains(s)) {
        throw new WampException(WampUris.PROCEDURE_ALREADY_EXISTS, "procedure already exists: " + m.procedure());
      }
      if (created) {
        index.put(m.procedure(), match, r);
        byId.put(r.id, r);
      }
      r.callees.add(s);
      r.discloseCaller.put(s, Boolean.TRUE.equals(o.get("disclose_caller")));
      s.registrations.add(r);
      s.peer().send(new Message.Registered(m.request(), r.id));
      if (created) realm.metaEvent("wamp.registration.on_create", s.id(), r.details());
      realm.metaEvent("wamp.registration.on_register", s.id(), r.id);
    } catch (WampException e) {
      realm.sendError(s, Message.REGISTER, m.request(), e);
    }
  }

  void unregister(Session s, Message.Unregister m) {
    Registration r = byId.get(m.registration());
    if (r == null || !r.callees.contains(s)) {
      realm.sendError(s, Message.UNREGISTER, m.request(),
          new WampException(WampUris.NO_SUCH_REGISTRATION, "no registration " + m.registration()));
      return;
    }
    remove(s, r);
    s.peer().send(new Message.Unregistered(m.request(), Map.of()));
  }

  void remove(Session s, Registration r) {
    r.callees.remove(s);
    r.discloseCaller.remove(s);
    s.registrations.remove(r);
    realm.metaEvent("wamp.registration.on_unregister", s.id(), r.id);
    if (r.callees.isEmpty()) {
      index.remove(r.uri, r.match);
      byId.remove(r.id);
      realm.metaEvent("wamp.registration.on_delete", s.id(), r.id);
    }
  }

  /** WAMP registration revocation: UNREGISTERED with request 0 and the registration id. */
  void revoke(Session s, Registration r, String reason) {
    remove(s, r);
    Map<String, Object> d = new HashMap<>();
    d.put("registration", r.id);
    if (reason != null) d.put("reason", reason);
    s.peer().send(new Message.Unregistered(0, d));
  }

  void call(Session caller, Message.Call c) {
    Map<String, Object> o = c.options();
    PendingCall ongoing = caller.calls.get(c.request());
    if (ongoing != null) {
      continueProgressive(ongoing, c);
      return;
    }
    try {
      realm.checkUri(c.procedure(), "exact");
      Permission rule = realm.authorize(caller, c.procedure(), Action.CALL);
      if (realm.meta().handles(c.procedure())) {
        realm.meta().call(caller, c.procedure(), c.args(), c.kwargs())
            .onSuccess(res -> caller.peer().send(new Message.Result(c.request(), Map.of(), res.args(), res.kwargs())))
            .onFailure(err -> realm.sendError(caller, Message.CALL, c.request(), asWamp(err)));
        return;
      }
      Registration r = index.best(c.procedure());
      if (r == null) throw new WampException(WampUris.NO_SUCH_PROCEDURE, "no callee for " + c.procedure());
      Session callee = r.pick();
      long inv = callee.nextInvocationId();
      boolean receiveProgress = Boolean.TRUE.equals(o.get("receive_progress"));
      PendingCall pc = new PendingCall(caller, c.request(), callee, inv, receiveProgress, r.id);
      Map<String, Object> d = new HashMap<>();
      if (Boolean.TRUE.equals(o.get("disclose_me")) || rule.discloseCaller() || r.discloseCaller.get(callee)) {
        d.put("caller", caller.id());
        d.put("caller_authid", caller.authid());
        d.put("caller_authrole", caller.authrole());
      }
      if (!"exact".equals(r.match)) d.put("procedure", c.procedure());
      if (receiveProgress) d.put("receive_progress", true);
      if (Boolean.TRUE.equals(o.get("progress"))) d.put("progress", true);
      PayloadPassthru.copy(o, d);
      // Registered before sending: an in-process callee may answer within send().
      caller.calls.put(c.request(), pc);
      callee.invocations.put(inv, pc);
      if (!callee.peer().send(new Message.Invocation(inv, r.id, d, c.args(), c.kwargs()))) {
        finish(pc);
        throw new WampException(WampUris.PAYLOAD_SIZE_EXCEEDED, "the call is larger than the callee accepts");
      }
      if (o.get("timeout") instanceof Number t && t.longValue() > 0 && caller.calls.get(c.request()) == pc) {
        pc.timer = realm.setTimer(t.longValue(), () -> timeout(pc));
      }
    } catch (WampException e) {
      realm.sendError(caller, Message.CALL, c.request(), e);
    }
  }

  /** WAMP progressive call invocations: further CALLs with the same request id go to the same invocation. */
  private void continueProgressive(PendingCall pc, Message.Call c) {
    Map<String, Object> d = new HashMap<>();
    if (Boolean.TRUE.equals(c.options().get("progress"))) d.put("progress", true);
    if (pc.receiveProgress) d.put("receive_progress", true);
    pc.callee.peer().send(new Message.Invocation(pc.invocation, pc.registration, d, c.args(), c.kwargs()));
  }

  void yield(Session callee, Message.Yield y) {
    PendingCall pc = callee.invocations.get(y.request());
    if (pc == null) return; // canceled or timed out: the late answer is dropped (WAMP §14.3.4)
    boolean progress = Boolean.TRUE.equals(y.options().get("progress"));
    Map<String, Object> d = new HashMap<>();
    PayloadPassthru.copy(y.options(), d);
    if (progress) {
      if (!pc.receiveProgress) return;
      d.put("progress", true);
    } else {
      finish(pc);
    }
    if (!pc.caller.peer().send(new Message.Result(pc.callRequest, d, y.args(), y.kwargs()))) {
      if (progress) finish(pc);
      realm.sendError(pc.caller, Message.CALL, pc.callRequest,
          new WampException(WampUris.PAYLOAD_SIZE_EXCEEDED, "the result is larger than the caller accepts"));
    }
  }

  void calleeError(Session callee, Message.Error e) {
    if (e.requestType() != Message.INVOCATION) {
      throw new io.thingtank.wamp.message.ProtocolViolation("ERROR for message type " + e.requestType());
    }
    PendingCall pc = callee.invocations.get(e.request());
    if (pc == null) return;
    finish(pc);
    Map<String, Object> d = new HashMap<>();
    PayloadPassthru.copy(e.details(), d);
    pc.caller.peer().send(new Message.Error(Message.CALL, pc.callRequest, d, e.error(), e.args(), e.kwargs()));
  }

  /** WAMP §14.3.4 call canceling: skip, kill or killnowait (the default). */
  void cancel(Session caller, Message.Cancel m) {
    PendingCall pc = caller.calls.get(m.request());
    if (pc == null || pc.killing) return;
    String mode = String.valueOf(m.options().getOrDefault("mode", "killnowait"));
    if (!pc.callee.supports("callee", "call_canceling")) mode = "skip";
    switch (mode) {
      case "skip" -> {
        finish(pc);
        sendCanceled(pc, WampUris.CANCELED, "canceled by the caller");
      }
      case "kill" -> {
        pc.killing = true;
        pc.callee.peer().send(new Message.Interrupt(pc.invocation, Map.of("mode", "kill")));
      }
      default -> {
        finish(pc);
        pc.callee.peer().send(new Message.Interrupt(pc.invocation, Map.of("mode", "killnowait")));
        sendCanceled(pc, WampUris.CANCELED, "canceled by the caller");
      }
    }
  }

  /** WAMP call_timeout: the dealer interrupts the callee and fails the call with wamp.error.timeout. */
  private void timeout(PendingCall pc) {
    pc.timer = -1;
    if (pc.caller.calls.get(pc.callRequest) != pc) return;
    finish(pc);
    if (pc.callee.supports("callee", "call_canceling")) {
      pc.callee.peer().send(new Message.Interrupt(pc.invocation, Map.of("mode", "killnowait", "reason", WampUris.TIMEOUT)));
    }
    sendCanceled(pc, WampUris.TIMEOUT, "call timed out");
  }

  private void sendCanceled(PendingCall pc, String uri, String message) {
    pc.caller.peer().send(new Message.Error(Message.CALL, pc.callRequest, Map.of(), uri, List.of(message), Map.of()));
  }

  private void finish(PendingCall pc) {
    pc.caller.calls.remove(pc.callRequest);
    pc.callee.invocations.remove(pc.invocation);
    if (pc.timer >= 0) realm.cancelTimer(pc.timer);
  }

  void leave(Session s) {
    for (PendingCall pc : new ArrayList<>(s.invocations.values())) {
      finish(pc);
      if (pc.caller.open()) sendCanceled(pc, WampUris.CANCELED, "the callee left");
    }
    for (PendingCall pc : new ArrayList<>(s.calls.values())) {
      finish(pc);
      if (pc.callee.open() && pc.callee.supports("callee", "call_canceling")) {
        pc.callee.peer().send(new Message.Interrupt(pc.invocation, Map.of("mode", "killnowait")));
      }
    }
    for (Registration r : new ArrayList<>(s.registrations)) remove(s, r);
  }

  static WampException asWamp(Throwable t) {
    return t instanceof WampException w ? w : new WampException(WampUris.RUNTIME_ERROR, String.valueOf(t.getMessage()));
  }
}
