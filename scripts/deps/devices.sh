# Test clients of the device hub (services/devices): python-socketio (Debian, for /usr/bin/python3),
# curl, libcoap's coap-client, and the npm socket.io-client under services/devices/src/test/node.
apt_install curl python3-socketio libcoap3-bin
npm_install "$here/../services/devices/src/test/node" socket.io-client@4.8.1
