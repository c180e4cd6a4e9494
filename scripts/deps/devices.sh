# Test clients of the device hub (services/devices): python-socketio (Debian, for /usr/bin/python3) with
# the requests and websocket-client packages its polling and WebSocket transports need (only recommended),
# curl, libcoap's coap-client, and the npm socket.io-client under services/devices/src/test/node.
apt_install curl python3-socketio python3-requests python3-websocket libcoap3-bin
npm_install "$here/../services/devices/src/test/node" socket.io-client@4.8.1
