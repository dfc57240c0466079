// The loader, inlined in the host page (a few hundred bytes once minified). It queues Loket(...) commands, shows a
// launcher at once, and fetches widget.js on the first open, or right away when an earlier visit left a
// conversation behind (there may be unread news). It reads storage, never writes it.
(() => {
  type Queue = ((...args: unknown[]) => void) & { q?: unknown[]; server?: string; l?: boolean };
  const w = window as unknown as { Loket?: Queue };
  const d = document;
  const el = () => d.querySelector('loket-chat');
  const server = () => (el()?.getAttribute('server') ?? L.server ?? location.origin).replace(/\/+$/, '');
  const load = () => {
    if (L.l) return;
    L.l = true;
    const s = d.createElement('script');
    s.src = `${server()}/webchat/v1/widget.js`;
    s.async = true;
    d.head.append(s);
  };
  // A page may have queued commands with its own one-line stub before this loader ran: keep them.
  const before = w.Loket;
  const L: Queue = (...args: unknown[]) => {
    L.q?.push(args);
    if (args[0] === 'open') load();
  };
  L.q = Array.from(before?.q ?? []);
  L.server = before?.server;
  w.Loket = L;
  const boot = () => {
    const e = el();
    if (!e || customElements.get('loket-chat')) return;
    const b = d.createElement('button');
    b.type = 'button';
    b.innerHTML =
      '<svg viewBox="0 0 24 24" width="24" height="24" fill="none" stroke="currentColor" stroke-width="2" aria-hidden="true"><path d="M4 4h16a2 2 0 0 1 2 2v10a2 2 0 0 1-2 2H8l-4 4V6a2 2 0 0 1 2-2z"/></svg>';
    b.ariaLabel = 'Chat';
    b.style.cssText =
      'position:fixed;right:16px;bottom:16px;width:56px;height:56px;border-radius:50%;border:0;background:#1f6feb;color:#fff;z-index:2147483000;cursor:pointer';
    b.onclick = () => L('open');
    e.append(b);
    try {
      const key = `loket.webchat:${server()}:credential`;
      if (localStorage.getItem(key) || sessionStorage.getItem(key)) load();
    } catch {
      // storage blocked: the widget loads on the first open
    }
  };
  if (L.q.some((args) => (args as ArrayLike<unknown>)[0] === 'open')) load();
  if (d.readyState === 'loading') d.addEventListener('DOMContentLoaded', boot);
  else boot();
})();
