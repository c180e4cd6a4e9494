"""SkyNet's MQTT API driven by paho-mqtt (Debian python3-paho-mqtt 1.6): one scenario per run.

Usage: skynet_mqtt.py SCENARIO PORT [uuid token]...  Prints one JSON object with what each
client received (lists of decoded payloads) and the SUBACK codes; the Java test asserts on it.
"""
import json
import queue
import sys
import threading
import time

import paho.mqtt.client as mqtt

TIMEOUT = 10


class Client:
    def __init__(self, port, username=None, password=None, name="c", client_id=None, clean=True):
        self.inbox = queue.Queue()
        self.subacks = {}
        self.acked = threading.Event()
        self.session_present = None
        self.c = mqtt.Client(client_id=client_id or "skynet-it-" + name + "-" + str(time.time_ns()),
                             clean_session=clean, protocol=mqtt.MQTTv311)
        if username is not None:
            self.c.username_pw_set(username, password)
        connected = threading.Event()
        self.rc = None

        def on_connect(client, userdata, flags, rc):
            self.rc = rc
            self.session_present = flags.get("session present")
            connected.set()

        def on_subscribe(client, userdata, mid, granted):
            self.subacks[mid] = list(granted)

        self.c.on_connect = on_connect
        self.c.on_subscribe = on_subscribe
        self.c.on_message = lambda client, userdata, m: self.inbox.put((m.topic, m.payload.decode("utf-8")))
        self.c.on_publish = lambda client, userdata, mid: self.acked.set()
        self.c.connect("127.0.0.1", port, keepalive=30)
        self.c.loop_start()
        if not connected.wait(TIMEOUT):
            raise SystemExit("no CONNACK")

    def subscribe(self, topic, qos=1):
        rc, mid = self.c.subscribe(topic, qos)
        deadline = time.time() + TIMEOUT
        while mid not in self.subacks:
            if time.time() > deadline:
                raise SystemExit("no SUBACK for " + topic)
            time.sleep(0.02)
        return self.subacks[mid][0]

    def publish(self, topic, body, qos=1):
        info = self.c.publish(topic, body if isinstance(body, str) else json.dumps(body), qos)
        info.wait_for_publish()

    def next(self, topic=None, timeout=TIMEOUT):
        """The next message (optionally on `topic`) as (topic, decoded JSON or text), or None."""
        deadline = time.time() + timeout
        while True:
            left = deadline - time.time()
            if left <= 0:
                return None
            try:
                t, p = self.inbox.get(timeout=left)
            except queue.Empty:
                return None
            if topic is None or t == topic:
                try:
                    return t, json.loads(p)
                except ValueError:
                    return t, p

    def drain(self, seconds):
        got = []
        m = self.next(timeout=seconds)
        while m is not None:
            got.append(m)
            m = self.next(timeout=0.2)
        return got

    def close(self):
        self.c.disconnect()
        self.c.loop_stop()


def requests(port, a, ta, b, tb):
    """Message A -> B, whoami with and without ack, update (ack + config), data, bad JSON."""
    out = {}
    anon = Client(port, name="anon")
    out["anonSub"] = anon.subscribe("#")
    ca, cb = Client(port, a, ta, "a"), Client(port, b, tb, "b")
    out["subOwnA"], out["subOwnB"] = ca.subscribe(a), cb.subscribe(b)
    ca.publish("message", {"devices": b, "payload": {"hello": "b"}})
    out["bGot"] = cb.next(b)
    ca.publish("whoami", {})
    out["whoami"] = ca.next(a)
    ca.publish("whoami", {"ack": 7})
    out["whoamiAck"] = ca.next(a)
    ca.publish("update", {"color": "red", "ack": 8})
    out["updateAnswers"] = [ca.next(a), ca.next(a)]
    ca.publish("data", {"temperature": 21, "token": "not stored"})
    ca.publish("message", "not json")
    out["badJson"] = ca.next(a)
    ca.publish("sensors/a", "plain broker topic")
    ca.publish("whoami", {})
    out["afterPlain"] = ca.next(a)
    out["anonGot"] = anon.drain(1)
    for c in (ca, cb, anon):
        c.close()
    return out


def subscriptions(port, a, ta, b, tb, c, tc):
    """B may not subscribe to A's uuid; _bc only where the hub allows (C whitelists only A)."""
    out = {}
    ca, cb, cc = Client(port, a, ta, "a"), Client(port, b, tb, "b"), Client(port, c, tc, "c")
    out["bOnA"] = cb.subscribe(a)
    out["bOnWildcard"] = cb.subscribe("#")
    out["bOnABc"] = cb.subscribe(a + "_bc")
    out["bOnCBc"] = cb.subscribe(c + "_bc")
    out["aOnCBc"] = ca.subscribe(c + "_bc")
    ca.publish("message", {"devices": "*", "payload": "hello from a"})
    out["bGotABroadcast"] = cb.next(a + "_bc")
    cc.publish("message", {"devices": ["*"], "payload": "hello from c"})
    out["aGotCBroadcast"] = ca.next(c + "_bc")
    ca.publish("data", {"humidity": 40})
    out["bGotAData"] = cb.next(a + "_bc")
    out["bOther"] = cb.drain(1)
    for x in (ca, cb, cc):
        x.close()
    return out


def refused(port, a):
    c = mqtt.Client(client_id="skynet-it-wrong", protocol=mqtt.MQTTv311)
    c.username_pw_set(a, "wrong-token")
    done = threading.Event()
    result = {}

    def on_connect(client, userdata, flags, rc):
        result["rc"] = rc
        done.set()

    c.on_connect = on_connect
    c.connect("127.0.0.1", port)
    c.loop_start()
    done.wait(TIMEOUT)
    c.loop_stop()
    return result


def texts_and_acks(port, a, ta, b, tb, superpass):
    """tb, directText, messageAck, config/gatewayConfig; the skynet super-user's view and raw publish."""
    out = {}
    ca, cb = Client(port, a, ta, "a"), Client(port, b, tb, "b")
    su = Client(port, "skynet", superpass, "super")
    out["superRc"] = su.rc
    out["subOwnA"], out["subOwnB"], out["bOnATb"] = ca.subscribe(a), cb.subscribe(b), cb.subscribe(a + "_tb")
    out["superSubs"] = [su.subscribe("config"), su.subscribe("gatewayConfig"), su.subscribe(a)]
    ca.publish("tb", "hello text")
    out["bGotTb"] = cb.next(a + "_tb")
    ca.publish("directText", {"devices": b, "payload": "direct"})
    out["bGotDirect"] = cb.next(b)
    cb.publish("messageAck", {"devices": a, "ack": 5, "payload": {"ok": True}})
    out["aGotAck"] = ca.next(a)
    out["superSawAck"] = su.next(a)
    ca.publish("config", {"x": 1})
    out["superConfig"] = su.next("config")
    ca.publish("gatewayConfig", {"y": 2})
    out["superGatewayConfig"] = su.next("gatewayConfig")
    su.publish(b, "raw hello")
    out["bGotRaw"] = cb.next(b)
    out["bOther"] = cb.drain(1)
    for x in (ca, cb, su):
        x.close()
    bad = Client(port, "skynet", "wrong", "super-wrong")
    out["superWrongRc"] = bad.rc
    bad.close()
    return out


def reset_token(port, a, ta):
    """resetToken without and with ack; only the newest token logs in afterwards."""
    out = {}
    ca = Client(port, a, ta, "a")
    out["subOwnA"] = ca.subscribe(a)
    ca.publish("resetToken", {})
    out["token"] = ca.next(a)
    ca.publish("resetToken", {"uuid": a, "ack": 9})
    out["tokenAck"] = ca.next(a)
    ca.close()
    newest = out["tokenAck"][1]["data"]["payload"]["token"]
    rcs = []
    for tok in (ta, out["token"][1]["data"]["token"], newest):
        c = Client(port, a, tok, "relogin")
        rcs.append(c.rc)
        c.close()
    out["loginRcs"] = rcs
    return out


def persistent(port, a, ta, b, tb):
    """A device's subscription is kept by its persistent session: after reconnecting it receives without subscribing."""
    out = {}
    cid = "skynet-it-persistent-" + str(time.time_ns())
    ca = Client(port, a, ta, "a", client_id=cid, clean=False)
    out["firstPresent"] = ca.session_present
    out["subOwnA"] = ca.subscribe(a, 1)
    ca.close()
    ca = Client(port, a, ta, "a", client_id=cid, clean=False)
    out["secondPresent"] = ca.session_present
    cb = Client(port, b, tb, "b")
    cb.publish("message", {"devices": a, "payload": "after reconnect"})
    out["aGot"] = ca.next(a)
    ca.close()
    cb.close()
    ca = Client(port, a, ta, "a", client_id=cid, clean=True)
    ca.close()
    ca = Client(port, a, ta, "a", client_id=cid, clean=False)
    cb = Client(port, b, tb, "b")
    cb.publish("message", {"devices": a, "payload": "after clean start"})
    out["aAfterClean"] = ca.drain(1)
    ca.close()
    cb.close()
    return out


if __name__ == "__main__":
    scenario, port, creds = sys.argv[1], int(sys.argv[2]), sys.argv[3:]
    fn = {"requests": requests, "subscriptions": subscriptions, "refused": refused, "texts": texts_and_acks,
          "resetToken": reset_token, "persistent": persistent}[scenario]
    print(json.dumps(fn(port, *creds)))
