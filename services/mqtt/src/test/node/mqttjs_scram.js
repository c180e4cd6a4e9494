// MQTT 5 enhanced authentication with SCRAM-SHA-256 (RFC 5802 / RFC 7677) driven by mqtt.js's
// handleAuth hook. Usage: node mqttjs_scram.js <port> <user> <password>. Prints one JSON line:
// {"connected":true,"serverFinal":..,"expectedServerFinal":..,"authReasons":[24],"deniedPuback":..}
// or {"connected":false,"code":<CONNACK reason>}.
const crypto = require('crypto');
const mqtt = require('mqtt');

const [port, user, password] = process.argv.slice(2);
const METHOD = 'SCRAM-SHA-256';
const clientFirstBare = `n=${user},r=${crypto.randomBytes(18).toString('base64')}`;
const hmac = (key, data) => crypto.createHmac('sha256', key).update(data).digest();
const out = { authReasons: [] };
let expected = null;

const client = mqtt.connect(`mqtt://127.0.0.1:${port}`, {
  protocolVersion: 5,
  clientId: `scram-js-${process.pid}`,
  reconnectPeriod: 0,
  properties: { authenticationMethod: METHOD, authenticationData: Buffer.from('n,,' + clientFirstBare) },
});

client.handleAuth = (packet, callback) => {
  out.authReasons.push(packet.reasonCode);
  const serverFirst = packet.properties.authenticationData.toString();
  const attrs = Object.fromEntries(serverFirst.split(',').map((kv) => [kv[0], kv.slice(2)]));
  const salted = crypto.pbkdf2Sync(password, Buffer.from(attrs.s, 'base64'), Number(attrs.i), 32, 'sha256');
  const clientKey = hmac(salted, 'Client Key');
  const storedKey = crypto.createHash('sha256').update(clientKey).digest();
  const withoutProof = `c=biws,r=${attrs.r}`;
  const authMessage = `${clientFirstBare},${serverFirst},${withoutProof}`;
  const signature = hmac(storedKey, authMessage);
  const proof = Buffer.from(clientKey.map((b, i) => b ^ signature[i]));
  expected = 'v=' + hmac(hmac(salted, 'Server Key'), authMessage).toString('base64');
  callback(null, {
    cmd: 'auth',
    reasonCode: 0x18,
    properties: { authenticationMethod: METHOD, authenticationData: Buffer.from(`${withoutProof},p=${proof.toString('base64')}`) },
  });
};

const timer = setTimeout(() => { console.log(JSON.stringify({ connected: false, code: 'timeout' })); process.exit(1); }, 15000);
client.on('connect', (connack) => {
  out.connected = true;
  out.method = connack.properties && connack.properties.authenticationMethod;
  out.serverFinal = connack.properties && connack.properties.authenticationData
    && connack.properties.authenticationData.toString();
  out.expectedServerFinal = expected;
  client.publish('b/denied', 'x', { qos: 1 }, (err, packet) => {
    out.deniedPuback = err ? err.code : (packet && packet.reasonCode);
    clearTimeout(timer);
    console.log(JSON.stringify(out));
    client.end();
  });
});
client.on('error', (err) => {
  clearTimeout(timer);
  console.log(JSON.stringify({ connected: false, code: err.code, authReasons: out.authReasons }));
  client.end(true);
});
