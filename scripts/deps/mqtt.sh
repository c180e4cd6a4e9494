# MQTT interop clients: mosquitto_pub/mosquitto_sub (v3.1.1 and v5) and paho-mqtt for /usr/bin/python3.
apt_install mosquitto-clients python3-paho-mqtt
