// mqtt.js (npm "mqtt") against ThingTank's broker: MQTT 3.1.1 and 5 over TCP, and 5 over WebSocket
// when a ws URL is given. Usage: node mqttjs_check.js <tcp port> [ws url]. Prints OK lines.
const mqtt = require('mqtt');

function roundTrip(url, protocolVersion, qos) {
  return new Promise((resolve, reject) => {
    const topic = `js/${protocolVersion}/${qos}/${url.startsWith('ws') ? 'ws' : 'tcp'}`;
    const timer = setTimeout(() => reject(new Error(`timeout ${topic}`)), 10000);
    const sub = mqtt.connect(url, { protocolVersion, clientId: `js-sub-${topic}` });
    sub.on('error', reject);
    sub.on('connect', () => {
      sub.subscribe(topic, { qos }, (err) => {
        if (err) return reject(err);
        const pub = mqtt.connect(url, { protocolVersion, clientId: `js-pub-${topic}` });
        pub.on('connect', () => {
          const opts = { qos };
          if (protocolVersion === 5) opts.properties = { userProperties: { via: 'mqtt.js' } };
          pub.publish(topic, 'js-payload', opts, () => pub.end());
        });
      });
    });
    sub.on('message', (t, payload, packet) => {
      clearTimeout(timer);
      if (payload.toString() !== 'js-payload') return reject(new Error('bad payload ' + payload));
      if (protocolVersion === 5 && packet.properties.userProperties.via !== 'mqtt.js') {
        return reject(new Error('user property lost'));
      }
      sub.end();
      console.log(`OK ${topic}`);
      resolve();
    });
  });
}

(async () => {
  const tcp = `mqtt://127.0.0.1:${process.argv[2]}`;
  for (const v of [4, 5]) for (const q of [0, 1, 2]) await roundTrip(tcp, v, q);
  if (process.argv[3]) await roundTrip(process.argv[3], 5, 1);
  process.exit(0);
})().catch((e) => { console.error('FAIL', e); process.exit(1); });
