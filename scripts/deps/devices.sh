# Test clients of the device hub (services/devices): python-socketio (Debian, for /usr/bin/python3),
# curl, and the npm socket.io-client under services/devices/src/test/node.
apt_install curl python3-socketio python3-websocket python3-requests
npm_install "$here/../services/devices/src/test/node" socket.io-client@4.8.1
