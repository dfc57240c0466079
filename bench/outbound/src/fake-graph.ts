// Child process: a fake WhatsApp Cloud API on a loopback port. It answers every `POST /<version>/<phone>/messages`
// with a wamid at once and records when each arrived, from which account, to whom; `GET /record` hands the
// record over and starts a new one. Prints `PORT <n>`.
import { createServer } from 'node:http';
import { exitWithParent, report } from '@loket/bench-kit';

exitWithParent();
let record = { at: [] as number[], account: [] as string[], to: [] as string[] };
let seq = 0;
const server = createServer({ keepAliveTimeout: 60_000 }, (req, res) => {
  if (req.method === 'GET' && req.url === '/record') {
    const body = JSON.stringify(record);
    record = { at: [], account: [], to: [] };
    res.writeHead(200, { 'content-type': 'application/json' }).end(body);
    return;
  }
  const chunks: Buffer[] = [];
  req.on('data', (c: Buffer) => chunks.push(c));
  req.on('end', () => {
    const at = performance.timeOrigin + performance.now();
    const account = /^\/v[\d.]+\/(\d+)\/messages/.exec(req.url ?? '')?.[1];
    if (req.method !== 'POST' || !account) {
      res.writeHead(404).end();
      return;
    }
    const to = String((JSON.parse(Buffer.concat(chunks).toString('utf8')) as { to?: string }).to).replace(/^\+/, '');
    record.at.push(at);
    record.account.push(account);
    record.to.push(to);
    seq += 1;
    res.writeHead(200, { 'content-type': 'application/json' }).end(
      JSON.stringify({
        messaging_product: 'whatsapp',
        contacts: [{ input: to, wa_id: to }],
        messages: [{ id: `wamid.fake${seq}` }],
      }),
    );
  });
});
server.listen(0, '127.0.0.1', () => {
  const address = server.address();
  if (address && typeof address === 'object') report('PORT', address.port);
});
process.on('SIGTERM', () => process.exit(0));
