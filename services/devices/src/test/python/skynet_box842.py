"""Box 8.42 equivalent: SkyNet's socket.io API driven by python-socketio (Debian's, Socket.IO v5).

Usage: /usr/bin/python3 skynet_box842.py URL UUID_A TOKEN_A UUID_B TOKEN_B
Prints one JSON object with what each step answered; the Java test asserts on it.
"""
import json
import sys
import threading

import socketio

url, uuid_a, token_a, uuid_b, token_b = sys.argv[1:6]
out = {}
b_got_message = threading.Event()
a_ready = threading.Event()
b_ready = threading.Event()

a = socketio.Client(reconnection=False)  # default: polling, then upgrade to WebSocket
b = socketio.Client(reconnection=False)


@a.on('identify')
def a_identify(data):
    out['identify'] = data
    a.emit('identity', {'uuid': uuid_a, 'token': token_a})


@a.on('ready')
def a_on_ready(data):
    out['ready'] = data
    a_ready.set()


@b.on('identify')
def b_identify(data):
    b.emit('identity', {'uuid': uuid_b, 'token': token_b})


@b.on('ready')
def b_on_ready(data):
    b_ready.set()


@b.on('message')
def b_message(data):
    if data.get('topic') == 'device-status':
        return
    out['b_message'] = data
    b_got_message.set()


a.connect(url, transports=['polling', 'websocket'], wait_timeout=10)
b.connect(url, transports=['polling'], wait_timeout=10)
assert a_ready.wait(10) and b_ready.wait(10), 'no ready'
out['a_transport'] = a.transport()
out['b_transport'] = b.transport()
out['whoami'] = a.call('whoami', {}, timeout=10)
out['status'] = a.call('status', timeout=10)
out['update'] = a.call('update', {'uuid': uuid_a, 'color': 'blue'}, timeout=10)
out['devices'] = a.call('devices', {'color': 'blue'}, timeout=10)
a.emit('message', {'devices': [uuid_b], 'payload': {'hello': 'b'}})
out['b_got_message'] = b_got_message.wait(10)
out['data'] = a.call('data', {'temperature': 72}, timeout=10)
out['getdata'] = a.call('getdata', {'uuid': uuid_a, 'token': token_a, 'limit': 5}, timeout=10)
out['subscribe_foreign'] = b.call('subscribe', {'uuid': uuid_a, 'types': ['received']}, timeout=10)
out['subscribe_broadcast'] = b.call('subscribe', {'uuid': uuid_a}, timeout=10)
out['unsubscribe'] = b.call('unsubscribe', {'uuid': uuid_a}, timeout=10)
out['localdevices'] = a.call('localdevices', {}, timeout=10)
out['registered'] = a.call('register', {'type': 'drone'}, timeout=10)
new_uuid = out['registered']['uuid']
out['claim'] = a.call('claimdevice', {'uuid': new_uuid}, timeout=10)
out['generated'] = a.call('generateAndStoreToken', {'uuid': new_uuid}, timeout=10)
out['revoked'] = a.call('revokeToken', {'uuid': new_uuid, 'token': out['generated']['token']}, timeout=10)
out['reset'] = a.call('resetToken', {'uuid': new_uuid}, timeout=10)
out['mydevices'] = a.call('mydevices', {}, timeout=10)
out['unregister'] = a.call('unregister', {'uuid': new_uuid}, timeout=10)
out['events'] = a.call('events', {'uuid': uuid_a, 'token': token_a}, timeout=10)
out['authenticate_bad'] = a.call('authenticate', {'uuid': uuid_a, 'token': 'nope'}, timeout=10)
a.disconnect()
b.disconnect()
print(json.dumps(out))
