// SkyNet's socket.io API driven by the npm socket.io-client (v4 client = Socket.IO v5 protocol).
// Usage: node skynet_client.js URL UUID_A TOKEN_A UUID_B TOKEN_B ; prints one JSON object.
const { io } = require('socket.io-client');
const [url, uuidA, tokenA, uuidB, tokenB] = process.argv.slice(2);
const out = {};
const timer = setTimeout(() => { console.log(JSON.stringify(Object.assign(out, { timeout: true }))); process.exit(2); }, 20000);

function identify(socket, creds) {
  return new Promise((resolve) => {
    socket.on('identify', () => socket.emit('identity', creds));
    socket.on('ready', (d) => resolve({ ready: d }));
    socket.on('notReady', (d) => resolve({ notReady: d }));
  });
}

(async () => {
  const a = io(url, { transports: ['websocket'], reconnection: false });
  const b = io(url, { transports: ['polling'], reconnection: false, upgrade: false });
  const bad = io(url, { transports: ['websocket'], reconnection: false });
  const anon = io(url, { transports: ['websocket'], reconnection: false });
  const [ra, rb, rbad, ranon] = await Promise.all([
    identify(a, { uuid: uuidA, token: tokenA }), identify(b, { uuid: uuidB, token: tokenB }),
    identify(bad, { uuid: uuidA, token: 'wrong' }), identify(anon, { name: 'auto' })]);
  Object.assign(out, { a: ra, b: rb, bad: rbad, anon: ranon });
  const got = new Promise((resolve) => b.on('message', (m) => { if (m.topic !== 'device-status') resolve(m); }));
  const cfg = new Promise((resolve) => a.on('config', resolve));
  out.sent = await a.emitWithAck('message', { devices: uuidB, topic: 'greeting', payload: { n: 1 } });
  out.received = await got;
  out.update = await a.emitWithAck('update', { uuid: uuidA, mood: 'happy' });
  out.config = await cfg;
  out.subscribeData = await b.emitWithAck('subscribe', { uuid: uuidA, types: ['data'] });
  const dataEvent = new Promise((resolve) => b.on('data', resolve));
  await a.emitWithAck('data', { uuid: uuidA, temperature: 21 });
  out.data = await dataEvent;
  out.whoamiBad = await bad.timeout(2000).emitWithAck('whoami', {}).catch((e) => ({ failed: String(e) }));
  out.anonWhoami = await anon.emitWithAck('whoami', {});
  for (const s of [a, b, bad, anon]) s.disconnect();
  clearTimeout(timer);
  console.log(JSON.stringify(out));
})();
