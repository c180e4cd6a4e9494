"""paho-mqtt (Debian python3-paho-mqtt) against ThingTank's broker: MQTT 3.1.1 and 5 round trips.

Usage: /usr/bin/python3 paho_check.py <port>. Prints OK lines; exits non-zero on failure."""
import sys
import threading

import paho.mqtt.client as mqtt
from paho.mqtt.packettypes import PacketTypes
from paho.mqtt.properties import Properties

PORT = int(sys.argv[1])


def round_trip(protocol, qos, topic):
    got = threading.Event()
    received = {}

    def on_message(client, userdata, msg):
        received["payload"] = msg.payload
        received["props"] = getattr(msg, "properties", None)
        got.set()

    sub = mqtt.Client(client_id="py-sub-%d-%d" % (protocol, qos), protocol=protocol)
    sub.on_message = on_message
    sub.connect("127.0.0.1", PORT)
    sub.loop_start()
    result, _ = sub.subscribe(topic, qos=qos)
    assert result == mqtt.MQTT_ERR_SUCCESS
    threading.Event().wait(0.3)
    pub = mqtt.Client(client_id="py-pub-%d-%d" % (protocol, qos), protocol=protocol)
    pub.connect("127.0.0.1", PORT)
    pub.loop_start()
    props = None
    if protocol == mqtt.MQTTv5:
        props = Properties(PacketTypes.PUBLISH)
        props.ResponseTopic = "py/reply"
        props.CorrelationData = b"corr"
    info = pub.publish(topic, b"py-payload", qos=qos, properties=props)
    info.wait_for_publish()
    assert got.wait(10), "no message for %s qos %d" % (protocol, qos)
    assert received["payload"] == b"py-payload"
    if protocol == mqtt.MQTTv5:
        assert received["props"].ResponseTopic == "py/reply"
        assert received["props"].CorrelationData == b"corr"
    for c in (sub, pub):
        c.disconnect()
        c.loop_stop()
    print("OK protocol=%d qos=%d" % (protocol, qos))


for proto in (mqtt.MQTTv311, mqtt.MQTTv5):
    for q in (0, 1, 2):
        round_trip(proto, q, "py/%d/%d" % (proto, q))
