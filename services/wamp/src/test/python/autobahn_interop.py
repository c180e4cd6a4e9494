"""AutobahnPython (Twisted) interop client for the ThingTank WAMP router.

Usage: /usr/bin/python3 autobahn_interop.py URL SERIALIZER SCENARIO [ARGS...]
Prints one line per check ("ok <name> <detail>") and exits 0 when every check passed,
1 otherwise. Every wait is bounded; the whole run stops after 40 seconds.
"""
import json
import sys
import time

from autobahn.twisted.wamp import ApplicationRunner, ApplicationSession
from autobahn.wamp import auth, types
from autobahn.wamp.exception import ApplicationError
from autobahn.wamp.serializer import CBORSerializer, JsonSerializer, MsgPackSerializer
from twisted.internet import defer, reactor, task

URL, SER, SCENARIO = sys.argv[1], sys.argv[2], sys.argv[3]
EXTRA = sys.argv[4:]
REALM = "realm1"
failures = []


def serializer():
    batched = SER.endswith(".batched")
    base = SER.replace(".batched", "")
    return {"json": JsonSerializer, "msgpack": MsgPackSerializer, "cbor": CBORSerializer}[base](batched=batched)


def check(name, cond, detail=""):
    print(("ok " if cond else "FAIL ") + name + " " + str(detail), flush=True)
    if not cond:
        failures.append(name)


def sleep(s):
    return task.deferLater(reactor, s, lambda: None)


@defer.inlineCallbacks
def settle(pred, timeout=5.0):
    """Waits until pred() holds (events arrived), at most `timeout` seconds; never asserts timing."""
    end = time.time() + timeout
    while not pred() and time.time() < end:
        yield sleep(0.05)


@defer.inlineCallbacks
def join(authid=None, authmethods=None, on_challenge=None, authextra=None, realm=REALM):
    """Opens a session; returns it once joined (fails on ABORT)."""
    joined = defer.Deferred()

    class S(ApplicationSession):
        def onConnect(self):
            self.join(realm, authmethods=authmethods, authid=authid, authextra=authextra)

        def onChallenge(self, challenge):
            return on_challenge(challenge)

        def onJoin(self, details):
            self.details = details
            if not joined.called:
                joined.callback(self)

        def onLeave(self, details):
            if not joined.called:
                joined.errback(Exception("left: %s %s" % (details.reason, details.message)))
            self.disconnect()

    runner = ApplicationRunner(URL, realm, serializers=[serializer()])
    d = runner.run(S, start_reactor=False, auto_reconnect=False)
    d.addErrback(lambda f: joined.called or joined.errback(f))
    s = yield with_timeout(joined, 10)
    return s


def with_timeout(d, seconds):
    t = reactor.callLater(seconds, lambda: d.called or d.errback(Exception("timeout")))
    d.addBoth(lambda r: (t.active() and t.cancel(), r)[1])
    return d


@defer.inlineCallbacks
def expect_error(name, d, uri):
    try:
        yield d
        check(name, False, "no error")
    except ApplicationError as e:
        check(name, e.error == uri, e.error)


@defer.inlineCallbacks
def scenario_pubsub():
    sub = yield join()
    pub = yield join()
    got = []
    yield sub.subscribe(lambda msg: got.append(msg), "test-topic")
    for _ in range(5):
        pub.publish("test-topic", "hello at %.3f" % time.time())
        yield sleep(0.2)
    yield settle(lambda: len(got) >= 5)
    check("pubsub.received", len(got) == 5 and all(m.startswith("hello at") for m in got), got)
    # publisher exclusion, acknowledge, kwargs, identification
    events = []
    yield sub.subscribe(lambda *a, **kw: events.append((a, kw)), "com.ex.kw",
                        options=types.SubscribeOptions(details_arg="details"))
    yield pub.publish("com.ex.kw", 1, 2, color="red", options=types.PublishOptions(acknowledge=True))
    yield settle(lambda: len(events) >= 1)
    ok = len(events) == 1 and events[0][0][:2] == (1, 2) and events[0][1].get("color") == "red" \
        and events[0][1]["details"].publisher == pub._session_id
    check("pubsub.kwargs_and_publisher_identification", ok, events)
    mine = []
    yield pub.subscribe(lambda *a: mine.append(a), "com.ex.self")
    yield pub.publish("com.ex.self", "x", options=types.PublishOptions(acknowledge=True))
    yield pub.publish("com.ex.self", "y", options=types.PublishOptions(acknowledge=True, exclude_me=False))
    yield settle(lambda: len(mine) >= 1)
    check("pubsub.publisher_exclusion", mine == [("y",)], mine)
    # black/whitelisting
    third = yield join()
    seen = {"sub": [], "third": []}
    yield sub.subscribe(lambda v: seen["sub"].append(v), "com.ex.bw")
    yield third.subscribe(lambda v: seen["third"].append(v), "com.ex.bw")
    yield pub.publish("com.ex.bw", "excl", options=types.PublishOptions(acknowledge=True, exclude=[sub._session_id]))
    yield pub.publish("com.ex.bw", "elig", options=types.PublishOptions(acknowledge=True, eligible=[sub._session_id]))
    yield pub.publish("com.ex.bw", "role", options=types.PublishOptions(acknowledge=True, exclude_authrole=["anonymous"]))
    yield settle(lambda: len(seen["sub"]) >= 1 and len(seen["third"]) >= 1)
    yield pub.publish("com.ex.bw", "sync", options=types.PublishOptions(acknowledge=True, eligible=[third._session_id]))
    yield settle(lambda: "sync" in seen["third"])
    seen["third"].remove("sync")
    check("pubsub.blackwhite_listing", seen == {"sub": ["elig"], "third": ["excl"]}, seen)
    # pattern subscriptions
    pat = {"prefix": [], "wildcard": []}
    yield sub.subscribe(lambda v, details=None: pat["prefix"].append((v, details.topic)), "com.ex.pat.",
                        options=types.SubscribeOptions(match="prefix", details_arg="details"))
    yield sub.subscribe(lambda v, details=None: pat["wildcard"].append((v, details.topic)), "com..temp",
                        options=types.SubscribeOptions(match="wildcard", details_arg="details"))
    yield pub.publish("com.ex.pat.a.b", 1, options=types.PublishOptions(acknowledge=True))
    yield pub.publish("com.room1.temp", 2, options=types.PublishOptions(acknowledge=True))
    yield pub.publish("com.room1.hum", 3, options=types.PublishOptions(acknowledge=True))
    yield settle(lambda: len(pat["prefix"]) >= 1 and len(pat["wildcard"]) >= 1)
    check("pubsub.pattern_based", pat == {"prefix": [(1, "com.ex.pat.a.b")], "wildcard": [(2, "com.room1.temp")]}, pat)
    # retained events, exact and prefix
    yield pub.publish("com.ex.ret.a", "kept", options=types.PublishOptions(acknowledge=True, retain=True))
    late = []
    yield third.subscribe(lambda v, details=None: late.append((v, details.retained)), "com.ex.ret.a",
                          options=types.SubscribeOptions(get_retained=True, details_arg="details"))
    late_p = []
    yield third.subscribe(lambda v, details=None: late_p.append((v, details.retained, details.topic)), "com.ex.ret.",
                          options=types.SubscribeOptions(match="prefix", get_retained=True, details_arg="details"))
    yield settle(lambda: len(late) >= 1 and len(late_p) >= 1)
    check("pubsub.retained", late == [("kept", True)], late)
    check("pubsub.retained_prefix", late_p == [("kept", True, "com.ex.ret.a")], late_p)
    # binary payload survives the serializer (JSON uses \0 + base64)
    binary = []
    yield sub.subscribe(lambda b: binary.append(b), "com.ex.bin")
    yield pub.publish("com.ex.bin", b"\x00\x01\xffdata", options=types.PublishOptions(acknowledge=True))
    yield settle(lambda: len(binary) >= 1)
    check("pubsub.binary", binary == [b"\x00\x01\xffdata"], binary)


@defer.inlineCallbacks
def scenario_rpc():
    callee = yield join()
    caller = yield join()

    def add(a, b, **kw):
        return types.CallResult(a + b, scale=kw.get("scale", 1))
    yield callee.register(add, "com.ex.add")
    r = yield caller.call("com.ex.add", 2, 3, scale=10)
    check("rpc.args_kwargs", list(r.results) == [5] and r.kwresults == {"scale": 10}, (r.results, r.kwresults))

    def fail():
        raise ApplicationError("com.ex.error.oops", "bad thing", code=7)
    yield callee.register(fail, "com.ex.fail")
    try:
        yield caller.call("com.ex.fail")
        check("rpc.error", False)
    except ApplicationError as e:
        check("rpc.error", e.error == "com.ex.error.oops" and e.args == ("bad thing",) and e.kwargs == {"code": 7},
              (e.error, e.args, e.kwargs))
    yield expect_error("rpc.no_such_procedure", caller.call("com.ex.nothing"), "wamp.error.no_such_procedure")
    yield expect_error("rpc.procedure_already_exists", caller.register(add, "com.ex.add"),
                       "wamp.error.procedure_already_exists")

    @defer.inlineCallbacks
    def progress(n, details=None):
        for i in range(n):
            details.progress(i)
            yield sleep(0.01)
        return "done"
    yield callee.register(progress, "com.ex.progress", options=types.RegisterOptions(details_arg="details"))
    prog = []
    r = yield caller.call("com.ex.progress", 3, options=types.CallOptions(on_progress=lambda i: prog.append(i)))
    check("rpc.progressive_results", prog == [0, 1, 2] and r == "done", (prog, r))

    def slow():
        return sleep(5)
    yield callee.register(slow, "com.ex.slow")
    yield expect_error("rpc.timeout", caller.call("com.ex.slow", options=types.CallOptions(timeout=300)),
                       "wamp.error.timeout")
    d = caller.call("com.ex.slow")
    reactor.callLater(0.2, d.cancel)
    try:
        yield d
        check("rpc.cancel", False)
    except defer.CancelledError:
        check("rpc.cancel", True)
    except ApplicationError as e:
        check("rpc.cancel", e.error == "wamp.error.canceled", e.error)

    # caller identification
    def who(details=None):
        return details.caller
    yield callee.register(who, "com.ex.who", options=types.RegisterOptions(details_arg="details"))
    r = yield caller.call("com.ex.who")
    check("rpc.caller_identification", r == caller._session_id, r)

    # shared registration, round robin
    other = yield join()
    yield callee.register(lambda: "A", "com.ex.shared", options=types.RegisterOptions(invoke="roundrobin"))
    yield other.register(lambda: "B", "com.ex.shared", options=types.RegisterOptions(invoke="roundrobin"))
    got = []
    for _ in range(4):
        got.append((yield caller.call("com.ex.shared")))
    check("rpc.shared_roundrobin", got == ["A", "B", "A", "B"], got)
    yield expect_error("rpc.shared_policy_mismatch",
                       other.register(lambda: "C", "com.ex.shared", options=types.RegisterOptions(invoke="random")),
                       "wamp.error.procedure_already_exists")

    # pattern-based registrations: exact beats prefix beats wildcard
    def where(details=None):
        return details.procedure
    yield callee.register(where, "com.pat.", options=types.RegisterOptions(match="prefix", details_arg="details"))
    yield callee.register(lambda: "wild", "com..x", options=types.RegisterOptions(match="wildcard"))
    p = yield caller.call("com.pat.deep.name")
    w = yield caller.call("com.other.x")
    check("rpc.pattern_based", p == "com.pat.deep.name" and w == "wild", (p, w))

    # meta API
    n = yield caller.call("wamp.session.count")
    ids = yield caller.call("wamp.session.list")
    info = yield caller.call("wamp.session.get", callee._session_id)
    check("meta.session", n >= 3 and callee._session_id in ids and info["authrole"] == "anonymous", (n, info))
    reg = yield caller.call("wamp.registration.lookup", "com.ex.add")
    callees = yield caller.call("wamp.registration.list_callees", reg)
    match = yield caller.call("wamp.registration.match", "com.pat.zzz")
    check("meta.registration", callees == [callee._session_id] and match is not None, (reg, callees, match))
    yield expect_error("meta.no_such_session", caller.call("wamp.session.get", 12345), "wamp.error.no_such_session")
    joins = []
    yield caller.subscribe(lambda d: joins.append(d["session"]), "wamp.session.on_join")
    late = yield join()
    yield settle(lambda: len(joins) >= 1)
    check("meta.on_join", joins == [late._session_id], joins)
    subs = yield caller.call("wamp.subscription.list")
    check("meta.subscription_list", len(subs["exact"]) >= 1, subs)


@defer.inlineCallbacks
def scenario_auth():
    method = EXTRA[0]
    if method == "ticket":
        s = yield join(authid="joe", authmethods=["ticket"], on_challenge=lambda c: "secret-ticket")
        check("auth.ticket", s.details.authrole == "frontend" and s.details.authmethod == "ticket", s.details)
        try:
            yield join(authid="joe", authmethods=["ticket"], on_challenge=lambda c: "wrong")
            check("auth.ticket_wrong", False)
        except Exception as e:
            check("auth.ticket_wrong", "authentication_failed" in str(e), e)
    elif method == "wampcra":
        s = yield join(authid="peter", authmethods=["wampcra"],
                       on_challenge=lambda c: auth.compute_wcs("peter-secret", c.extra["challenge"]))
        check("auth.wampcra", s.details.authrole == "frontend", s.details)

        def salted(c):
            key = auth.derive_key("salty-password", c.extra["salt"], c.extra["iterations"], c.extra["keylen"])
            return auth.compute_wcs(key, c.extra["challenge"])
        s = yield join(authid="sally", authmethods=["wampcra"], on_challenge=salted)
        check("auth.wampcra_salted", s.details.authrole == "frontend", s.details)
        try:
            yield join(authid="peter", authmethods=["wampcra"],
                       on_challenge=lambda c: auth.compute_wcs("nope", c.extra["challenge"]))
            check("auth.wampcra_wrong", False)
        except Exception as e:
            check("auth.wampcra_wrong", "authentication_failed" in str(e), e)
    elif method == "cryptosign":
        from autobahn.wamp.cryptosign import CryptosignKey
        key = CryptosignKey.from_bytes(bytes.fromhex(EXTRA[1]))
        s = yield join(authid="alice", authmethods=["cryptosign"], authextra={"pubkey": key.public_key()},
                       on_challenge=lambda c: key.sign_challenge(c))
        check("auth.cryptosign", s.details.authrole == "frontend" and s.details.authmethod == "cryptosign", s.details)
        other = CryptosignKey.from_bytes(bytes(32))
        try:
            yield join(authid="alice", authmethods=["cryptosign"], authextra={"pubkey": other.public_key()},
                       on_challenge=lambda c: other.sign_challenge(c))
            check("auth.cryptosign_unknown_key", False)
        except Exception as e:
            check("auth.cryptosign_unknown_key", "no_such_principal" in str(e), e)
    # authorization with the role's permissions
    s = yield join(authid="joe", authmethods=["ticket"], on_challenge=lambda c: "secret-ticket")
    yield s.publish("com.frontend.news", 1, options=types.PublishOptions(acknowledge=True))
    check("authz.publish_allowed", True)
    yield expect_error("authz.publish_denied", s.publish("com.backend.x", options=types.PublishOptions(acknowledge=True)),
                       "wamp.error.not_authorized")
    yield expect_error("authz.register_denied", s.register(lambda: 1, "com.frontend.proc"), "wamp.error.not_authorized")
    try:
        yield join(authmethods=["anonymous"])
        check("auth.anonymous_refused", False)
    except Exception as e:
        check("auth.anonymous_refused", "no_auth_method" in str(e), e)
    try:
        yield join(authid="joe", authmethods=["ticket"], on_challenge=lambda c: "secret-ticket", realm="nope")
        check("auth.no_such_realm", False)
    except Exception as e:
        check("auth.no_such_realm", "no_such_realm" in str(e), e)


@defer.inlineCallbacks
def main():
    try:
        if SCENARIO == "all":
            yield scenario_pubsub()
            yield scenario_rpc()
        else:
            yield {"pubsub": scenario_pubsub, "rpc": scenario_rpc, "auth": scenario_auth}[SCENARIO]()
    except Exception as e:
        check("scenario." + SCENARIO, False, repr(e))
    reactor.stop()


reactor.callLater(40, lambda: (check("overall_timeout", False), reactor.stop()))
reactor.callWhenRunning(main)
reactor.run()
print("done failures=%d" % len(failures), flush=True)
sys.exit(1 if failures else 0)
