import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { signWebchatToken } from '@loket/webchat';
import { loaderScript } from '../src/bundle/index.js';
import { SECRET } from './gateway.js';

/** The host site: a shop page and a second page with the widget, and the host backend's token endpoint. */
export interface Shop {
  origin: string;
  /** The gateway the pages point the widget at (a proxy in front of it, in some tests). */
  server: string;
  /** How often the host backend was asked for a token. */
  tokenRequests: number;
  close(): Promise<void>;
}

function page(title: string, server: string, q: URLSearchParams): string {
  const attrs = [`server="${server}"`, `lang="${q.get('lang') ?? 'en'}"`];
  if (q.get('storage')) attrs.push(`storage="${q.get('storage')}"`);
  // A logged-in customer: the page identifies with a token from its own backend, before the element exists.
  const identify = q.get('sub')
    ? `<script>window.Loket=window.Loket||function(){(Loket.q=Loket.q||[]).push(arguments)};
Loket('identify',{getToken:()=>fetch('/token?sub=${encodeURIComponent(q.get('sub') ?? '')}').then(r=>r.text())});</script>`
    : '';
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1">
<title>${title}</title></head><body><main><h1>${title}</h1><p>Winter boots, 20% off.</p><a href="/other${q.size ? `?${q}` : ''}">Other page</a></main>
${identify}<loket-chat ${attrs.join(' ')}></loket-chat>
${q.get('loader') ? `<script>${loaderScript().code}</script>` : `<script src="${server}/webchat/v1/widget.js"></script>`}
</body></html>`;
}

/** Starts the shop on port 0. Set `shop.server` once the gateway runs. */
export async function startShop(): Promise<Shop> {
  const shop = { origin: '', server: '', tokenRequests: 0 } as Shop;
  const http: Server = createServer(async (req, res) => {
    const url = new URL(req.url ?? '/', 'http://x');
    const server = url.searchParams.get('server') ?? shop.server;
    if (url.pathname === '/token') {
      shop.tokenRequests++;
      if (url.searchParams.get('sub') === 'forged') return void res.writeHead(200).end('not.a.jwt');
      const token = await signWebchatToken({ sub: url.searchParams.get('sub') ?? 'nobody' }, { secret: SECRET });
      res.writeHead(200, { 'content-type': 'text/plain' }).end(token);
    } else if (url.pathname === '/shop' || url.pathname === '/other') {
      const title = url.pathname === '/shop' ? 'Boots & Co' : 'Boots & Co: about us';
      res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(page(title, server, url.searchParams));
    } else {
      res.writeHead(404).end();
    }
  });
  await new Promise<void>((r) => http.listen(0, '127.0.0.1', () => r()));
  shop.origin = `http://127.0.0.1:${(http.address() as AddressInfo).port}`;
  shop.close = async () => {
    http.closeAllConnections();
    await new Promise<void>((r) => http.close(() => r()));
  };
  return shop;
}
