# MQTT interop clients: mosquitto_pub/mosquitto_sub (v3.1.1 and v5), paho-mqtt and AutobahnPython (bridge test) for /usr/bin/python3,
# and mqtt.js for the Node test client in services/mqtt/src/test/node.
apt_install mosquitto-clients python3-paho-mqtt python3-autobahn
npm_install "$here/../services/mqtt/src/test/node" mqtt@5.16.0
