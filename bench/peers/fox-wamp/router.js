// fox-wamp peer for the wamp-pubsub / wamp-rpc benchmarks: node router.js <port>
// WAMP over WebSocket at ws://127.0.0.1:<port>/ws; realms are created on first HELLO.
const http = require('http')
const FoxRouter = require('fox-wamp')

const port = Number(process.argv[2])
const server = http.createServer((req, res) => { res.writeHead(200); res.end('fox-wamp\n') })
new FoxRouter().listenWAMP({ server, path: '/ws' })
server.listen(port, '127.0.0.1', () => console.log('fox-wamp listening on 127.0.0.1:' + port))
