/**
 * The widget's CSS, inside its shadow root. Theme it from the page with custom properties on the element:
 * `loket-chat { --loket-accent: #0a7d4f; --loket-radius: 8px; }`.
 */
export const WIDGET_CSS = `
:host{--loket-accent:#1f6feb;--loket-accent-fg:#fff;--loket-bg:#fff;--loket-fg:#1b1f24;--loket-muted:#57606a;
--loket-bubble:#f0f2f5;--loket-radius:14px;--loket-font:system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;
--loket-z:2147483000;position:fixed;right:16px;bottom:16px;z-index:var(--loket-z);font-family:var(--loket-font);
color:var(--loket-fg)}
*{box-sizing:border-box}
[hidden]{display:none!important}
.launcher{width:56px;height:56px;border-radius:50%;border:0;background:var(--loket-accent);color:var(--loket-accent-fg);
cursor:pointer;box-shadow:0 4px 14px rgba(0,0,0,.25);position:relative;display:grid;place-items:center}
.badge{position:absolute;top:-4px;right:-4px;min-width:20px;height:20px;border-radius:10px;background:#d1242f;color:#fff;
font-size:12px;line-height:20px;padding:0 5px}
.panel{position:fixed;right:16px;bottom:84px;width:min(380px,calc(100vw - 32px));
height:min(620px,calc(var(--loket-vh,100dvh) - 110px));display:flex;flex-direction:column;background:var(--loket-bg);
border-radius:var(--loket-radius);box-shadow:0 8px 30px rgba(0,0,0,.25);overflow:hidden;transition:opacity .15s,transform .15s}
header{display:flex;align-items:center;gap:8px;padding:12px 14px;background:var(--loket-accent);color:var(--loket-accent-fg)}
header h2{font-size:16px;margin:0;flex:1}
header button{background:transparent;border:0;color:inherit;cursor:pointer;line-height:0;padding:4px}
.banner{font-size:13px;padding:6px 14px;background:#fff8c5;color:#3b2e00}
.status[data-connection=online]{position:absolute;width:1px;height:1px;overflow:hidden;clip:rect(0 0 0 0)}
.status[data-connection=offline]{background:#ffebe9;color:#82071e}
.avail{background:#ddf4ff;color:#0a3069}
.log{flex:1;overflow-y:auto;padding:12px;display:flex;flex-direction:column;gap:6px;overscroll-behavior:contain}
.older{align-self:center;font-size:13px;background:none;border:1px solid #d0d7de;border-radius:12px;padding:3px 10px;cursor:pointer}
.day{align-self:center;font-size:12px;color:var(--loket-muted);margin:6px 0}
.msg{max-width:82%;display:flex;flex-direction:column;align-items:flex-start}
.msg[data-author=customer]{align-self:flex-end;align-items:flex-end}
.bubble{background:var(--loket-bubble);border-radius:var(--loket-radius);padding:8px 11px;white-space:pre-wrap;
overflow-wrap:anywhere;font-size:15px;line-height:1.35}
.msg[data-author=customer] .bubble{background:var(--loket-accent);color:var(--loket-accent-fg)}
.msg[data-author=customer] .bubble a{color:inherit}
.reactions{font-size:14px;margin-top:-6px;padding:0 6px;background:var(--loket-bg);border-radius:10px}
.msg[data-author=system] .bubble{background:transparent;color:var(--loket-muted);font-style:italic}
.meta{font-size:11px;color:var(--loket-muted);margin:2px 4px;display:flex;gap:6px;align-items:center}
.msg[data-state=failed] .meta{color:#cf222e}
.meta button{font-size:11px;background:none;border:0;text-decoration:underline;cursor:pointer;color:inherit;padding:0}
.bubble img,.bubble video{max-width:100%;border-radius:8px;display:block}
.actions{display:flex;flex-wrap:wrap;gap:6px;margin-top:6px}
.actions button,.actions a{font:inherit;font-size:14px;border:1px solid var(--loket-accent);color:var(--loket-accent);
background:var(--loket-bg);border-radius:16px;padding:5px 12px;cursor:pointer;text-decoration:none}
.cards{display:flex;gap:8px;overflow-x:auto;max-width:100%}
.card{min-width:200px;border:1px solid #d0d7de;border-radius:10px;padding:8px;background:var(--loket-bg)}
.card img{width:100%;border-radius:6px}
.card strong{display:block}
.typing{font-size:12px;color:var(--loket-muted);padding:0 14px 4px}
.progress{height:3px;background:var(--loket-accent);transition:width .2s}
form{display:flex;gap:6px;align-items:flex-end;padding:8px;border-top:1px solid #d0d7de}
textarea{flex:1;resize:none;font:inherit;font-size:16px;max-height:120px;min-height:40px;padding:8px 10px;
border:1px solid #d0d7de;border-radius:18px;color:var(--loket-fg);background:var(--loket-bg)}
form button{border:0;border-radius:18px;min-height:40px;padding:0 12px;cursor:pointer;font:inherit;font-size:15px}
form button[type=submit]{background:var(--loket-accent);color:var(--loket-accent-fg)}
form button.icon{background:transparent;padding:0 6px;color:var(--loket-muted)}
form button.rec{color:#cf222e}
.sr{position:absolute;width:1px;height:1px;overflow:hidden;clip:rect(0 0 0 0);white-space:nowrap}
:focus-visible{outline:2px solid var(--loket-accent);outline-offset:2px}
.drop{outline:3px dashed var(--loket-accent);outline-offset:-6px}
@media (max-width:480px){.panel{right:0;bottom:0;width:100vw;height:var(--loket-vh,100dvh);border-radius:0}.launcher[aria-expanded=true]{display:none}}
@media (prefers-reduced-motion:reduce){*{transition:none!important;animation:none!important;scroll-behavior:auto!important}}
`;
