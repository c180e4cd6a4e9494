// autobahn-js and wampy (npm) against the ThingTank WAMP router.
// Usage: node interop.mjs WS_URL; prints "ok <check>" / "FAIL <check>", exits 1 on any failure.
import autobahn from 'autobahn';
import { Wampy } from 'wampy';
import WebSocket from 'ws';

// autobahn 26 uses the global WebSocket of Node 22+; on older Node give it the ws package's.
globalThis.WebSocket ??= WebSocket;
const url = process.argv[2];
let failures = 0;
const check = (name, cond, detail) => {
  console.log(`${cond ? 'ok' : 'FAIL'} ${name} ${JSON.stringify(detail ?? '')}`);
  if (!cond) failures++;
};
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));
// waits until pred() holds (events arrived), at most 5 s; timing is never asserted
const settle = async (pred) => {
  for (let i = 0; i < 100 && !pred(); i++) await sleep(50);
};
setTimeout(() => { console.log('FAIL overall_timeout'); process.exit(1); }, 30000).unref();

function autobahnSession() {
  return new Promise((resolve, reject) => {
    const c = new autobahn.Connection({ url, realm: 'realm1', max_retries: 0 });
    c.onopen = (s) => resolve({ c, s });
    c.onclose = (reason) => reject(new Error(reason));
    c.open();
  });
}

async function autobahnJs() {
  const a = await autobahnSession();
  const b = await autobahnSession();
  const got = [];
  await a.s.subscribe('test-topic', (args, kwargs) => got.push([args, kwargs]));
  for (let i = 0; i < 3; i++) {
    await b.s.publish('test-topic', [`hello at ${Date.now()}`], { n: i }, { acknowledge: true });
  }
  await settle(() => got.length >= 3);
  check('autobahn-js.pubsub', got.length === 3 && got[2][1].n === 2, got);
  await a.s.register('com.js.add', (args, kwargs) => new autobahn.Result([args[0] + args[1]], { unit: kwargs.unit }));
  const r = await b.s.call('com.js.add', [2, 3], { unit: 'm' });
  check('autobahn-js.rpc_kwargs', r.args[0] === 5 && r.kwargs.unit === 'm', r);
  await a.s.register('com.js.fail', () => { throw new autobahn.Error('com.js.error.bad', ['nope']); });
  try {
    await b.s.call('com.js.fail');
    check('autobahn-js.rpc_error', false);
  } catch (e) {
    check('autobahn-js.rpc_error', e.error === 'com.js.error.bad' && e.args[0] === 'nope', e);
  }
  try {
    await b.s.call('com.js.missing');
    check('autobahn-js.no_such_procedure', false);
  } catch (e) {
    check('autobahn-js.no_such_procedure', e.error === 'wamp.error.no_such_procedure', e.error);
  }
  a.c.close();
  b.c.close();
}

async function wampy() {
  const w1 = new Wampy(url, { realm: 'realm1', ws: WebSocket, autoReconnect: false });
  const w2 = new Wampy(url, { realm: 'realm1', ws: WebSocket, autoReconnect: false });
  await w1.connect();
  await w2.connect();
  const got = [];
  await w1.subscribe('com.test.topic', (e) => got.push(e.argsList[0]));
  await w2.publish('com.test.topic', `hello at ${Date.now()}`);
  await w2.publish('com.test.topic', { argsList: [1], argsDict: { k: 'v' } });
  await settle(() => got.length >= 2);
  check('wampy.pubsub', got.length === 2, got);
  await w1.register('com.wampy.echo', async ({ argsList, argsDict }) => ({ argsList, argsDict }));
  const r = await w2.call('com.wampy.echo', { argsList: [1, 2], argsDict: { x: 'y' } });
  check('wampy.rpc', r.argsList[1] === 2 && r.argsDict.x === 'y', r);
  const prog = [];
  await w1.register('com.wampy.progress', async ({ result_handler }) => {
    return { argsList: ['final'] };
  });
  const pr = await w2.call('com.wampy.progress', null, { progress_callback: (p) => prog.push(p) });
  check('wampy.rpc_progress_option', pr.argsList[0] === 'final', pr);
  await w1.disconnect();
  await w2.disconnect();
}

try {
  await autobahnJs();
} catch (e) {
  check('autobahn-js.scenario', false, String(e));
}
try {
  await wampy();
} catch (e) {
  check('wampy.scenario', false, String(e && (e.message || e.error || e)));
}
console.log(`done failures=${failures}`);
process.exit(failures ? 1 : 0);
