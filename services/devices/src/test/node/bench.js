// Rough local figures for the device hub (not a test; the bench module owns real benchmarks).
// Usage: node bench.js URL [subscribers=100] [messages=2000]
// Prints msgs/s and p50/p99 delivery latency for socket.io 1->1, socket.io 1->N broadcast, REST POST /messages 1->1.
const { io } = require('socket.io-client');
const url = process.argv[2];
const N = Number(process.argv[3] || 100), M = Number(process.argv[4] || 2000);

async function register() {
  const r = await fetch(url + '/devices', { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{}' });
  return r.json();
}
function connect(d) {
  return new Promise((resolve, reject) => {
    const s = io(url, { transports: ['websocket'], reconnection: false });
    s.on('identify', () => s.emit('identity', { uuid: d.uuid, token: d.token }));
    s.on('ready', () => resolve(s));
    s.on('notReady', reject);
  });
}
const pct = (a, p) => { const s = [...a].sort((x, y) => x - y); return s[Math.min(s.length - 1, Math.floor(p * s.length))]; };
function report(name, lat, ms, count) {
  console.log(`${name}: ${(count / (ms / 1000)).toFixed(0)} deliveries/s, p50 ${pct(lat, 0.5).toFixed(2)} ms, p99 ${pct(lat, 0.99).toFixed(2)} ms`);
}

(async () => {
  const sender = await register(), target = await register();
  const subs = await Promise.all(Array.from({ length: N }, register));
  const s = await connect(sender), t = await connect(target);
  const receivers = await Promise.all(subs.map(connect));
  // 1 -> 1 over socket.io
  let lat = [], start = performance.now();
  await new Promise((done) => {
    t.on('message', (m) => { if (m.payload && m.payload.t) { lat.push(performance.now() - m.payload.t); if (lat.length === M) done(); } });
    for (let i = 0; i < M; i++) s.emit('message', { devices: target.uuid, payload: { t: performance.now() } });
  });
  report('socket.io 1->1', lat, performance.now() - start, M);
  // 1 -> N broadcast over socket.io
  await Promise.all(receivers.map((r) => r.emitWithAck('subscribe', { uuid: sender.uuid, types: ['broadcast'] })));
  const B = Math.max(1, Math.floor(M / N) * 5);
  lat = []; start = performance.now();
  await new Promise((done) => {
    for (const r of receivers) r.on('message', (m) => { if (m.payload && m.payload.b) { lat.push(performance.now() - m.payload.b); if (lat.length === B * N) done(); } });
    for (let i = 0; i < B; i++) s.emit('message', { devices: '*', payload: { b: performance.now() } });
  });
  report(`socket.io 1->${N} broadcast`, lat, performance.now() - start, B * N);
  // 1 -> 1 over REST (16 concurrent posters)
  lat = []; start = performance.now();
  const auth = { 'content-type': 'application/json', meshblu_auth_uuid: sender.uuid, meshblu_auth_token: sender.token };
  await new Promise((done) => {
    t.removeAllListeners('message');
    t.on('message', (m) => { if (m.payload && m.payload.r) { lat.push(performance.now() - m.payload.r); if (lat.length === M) done(); } });
    let next = 0;
    const worker = async () => { while (next < M) { next++; await fetch(url + '/messages', { method: 'POST', headers: auth, body: JSON.stringify({ devices: target.uuid, payload: { r: performance.now() } }) }); } };
    for (let w = 0; w < 16; w++) worker();
  });
  report('REST POST /messages 1->1', lat, performance.now() - start, M);
  for (const x of [s, t, ...receivers]) x.disconnect();
  process.exit(0);
})().catch((e) => { console.error(e); process.exit(1); });
