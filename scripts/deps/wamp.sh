# WAMP interop clients: AutobahnPython (Twisted flavour, Debian's python3) and autobahn + wampy (npm).
apt_install python3-autobahn python3-twisted python3-msgpack python3-cbor2 python3-nacl python3-ujson
npm_install "$here/../services/wamp/src/test/node" autobahn@26.3.1 wampy@8.0.2
