"""AutobahnPython (Debian python3-autobahn) on the WAMP side of the MQTT bridge.

Usage: /usr/bin/python3 autobahn_bridge.py <ws url>. Subscribes to mqtt.from.mqtt, prints READY,
prints EVENT <json args> when the MQTT publication arrives, then publishes "hello from wamp" to
mqtt.to.mqtt and prints PUBLISHED."""
import asyncio
import json
import sys

from autobahn.asyncio.wamp import ApplicationRunner, ApplicationSession
from autobahn.wamp.types import PublishOptions


class Bridge(ApplicationSession):
    async def onJoin(self, details):
        got = asyncio.get_event_loop().create_future()

        def on_event(*args, **kwargs):
            if not got.done():
                got.set_result(list(args))

        await self.subscribe(on_event, "mqtt.from.mqtt")
        print("READY", flush=True)
        args = await asyncio.wait_for(got, 20)
        print("EVENT " + json.dumps(args), flush=True)
        await self.publish("mqtt.to.mqtt", "hello from wamp", options=PublishOptions(acknowledge=True))
        print("PUBLISHED", flush=True)
        self.leave()

    def onDisconnect(self):
        asyncio.get_event_loop().stop()


ApplicationRunner(sys.argv[1], "realm1").run(Bridge)
