// The Loket dev console: plain JS, live through Server-Sent Events from /console/api/stream.

const state = { channels: [], items: [], conversations: new Map(), lastSeq: 0 };
const $ = (id) => document.getElementById(id);
const keyOf = (ref) => `${ref.channel}:${ref.account}:${ref.user}`;
const time = (ms) => new Date(ms).toLocaleTimeString();

function el(tag, attrs = {}, ...children) {
  const node = document.createElement(tag);
  for (const [name, value] of Object.entries(attrs)) {
    if (value === undefined) continue;
    if (name === 'class') node.className = value;
    else if (name.startsWith('on')) node.addEventListener(name.slice(2), value);
    else node.setAttribute(name, value);
  }
  for (const child of children) if (child !== undefined) node.append(child);
  return node;
}

async function api(path, body) {
  const init =
    body === undefined
      ? {}
      : { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) };
  const res = await fetch(`/console/api/${path}`, init);
  const json = await res.json();
  if (!res.ok) throw new Error(json.error || `HTTP ${res.status}`);
  return json;
}

function showRaw(item) {
  $('raw-title').textContent = `${item.kind}: ${item.title}`;
  const parts = [];
  if (item.raw !== undefined) parts.push(`// raw: what the platform sent\n${JSON.stringify(item.raw, null, 2)}`);
  if (item.error) parts.push(`// LoketError\n${JSON.stringify(item.error, null, 2)}`);
  if (item.data !== undefined)
    parts.push(
      `// ${item.kind === 'inbound' || item.kind === 'status' ? 'normalized event' : 'details'}\n${JSON.stringify(item.data, null, 2)}`,
    );
  $('raw-content').textContent = parts.join('\n\n') || '(nothing recorded)';
  $('raw-panel').hidden = false;
}

// "status read" under the kind "status": the title already starts with the word, so it is not said twice.
const titleAfterKind = (item) =>
  item.title.startsWith(`${item.kind} `) ? item.title.slice(item.kind.length + 1) : item.title;

function renderItem(item) {
  const body = item.error
    ? [el('span', { class: 'code' }, item.error.code), el('span', { class: 'message' }, item.error.message)]
    : [titleAfterKind(item)];
  return el(
    'li',
    {
      class: 'item',
      'data-kind': item.kind,
      'data-seq': String(item.seq),
      title: 'show the raw payload',
      onclick: () => showRaw(item),
    },
    el('time', {}, `${time(item.at)} · ${item.kind}`),
    ...body,
  );
}

function conversationCard(view) {
  const ref = view.ref;
  const items = state.items.filter((i) => i.conversation && keyOf(i.conversation) === view.key);
  const consent =
    view.consent.length === 0
      ? 'no consent recorded'
      : view.consent.map((c) => `${c.topic === '*' ? 'all topics' : c.topic}: ${c.status}`).join(', ');
  const input = el('input', {
    class: 'biz-text',
    placeholder: 'Reply as the business…',
    'aria-label': 'business reply',
  });
  const send = async (event) => {
    event.preventDefault();
    if (!input.value) return;
    await api('send', { channel: ref.channel, account: ref.account, user: ref.user, text: input.value }).catch(
      report('business-result'),
    );
    input.value = '';
  };
  return el(
    'article',
    { class: 'conversation', 'data-conversation': view.key, 'data-channel': ref.channel },
    el(
      'div',
      { class: 'conv-head' },
      el('span', { class: 'channel' }, ref.channel),
      el('strong', {}, view.name && view.name !== ref.user ? `${view.name} (${ref.user})` : ref.user),
      el(
        'span',
        { class: `pill window ${view.window.state}`, 'data-window': view.window.state },
        `window ${view.window.label}`,
      ),
      el('span', { class: 'pill consent' }, consent),
      el(
        'span',
        { class: `pill controller ${view.controller}`, 'data-controller': view.controller },
        view.controller === 'human' ? 'human answers' : 'bot answers',
      ),
      el(
        'button',
        {
          class: 'take-over',
          type: 'button',
          onclick: () => handoff(ref, view.controller === 'human' ? 'bot' : 'human'),
        },
        view.controller === 'human' ? 'Hand back to bot' : 'Take over',
      ),
    ),
    el('ol', { class: 'items' }, ...items.map(renderItem)),
    el(
      'form',
      { class: 'conv-send', onsubmit: send },
      input,
      el('button', { class: 'biz-send', type: 'submit' }, 'Send'),
    ),
  );
}

async function handoff(ref, to) {
  await api('handoff', { channel: ref.channel, account: ref.account, user: ref.user, to, reason: 'dev console' }).catch(
    report('business-result'),
  );
  refreshConversations();
}

const seconds = (s) => (s === null ? '–' : s < 120 ? `${Math.round(s)} s` : `${Math.round(s / 60)} min`);

async function refreshSla() {
  const r = await api('sla');
  const node = $('sla');
  if (r.answered + r.breached + r.pending === 0) return;
  node.dataset.sla = r.met === null ? 'pending' : r.met ? 'met' : 'missed';
  node.textContent =
    `${r.serviceLevel === null ? '–' : `${Math.round(r.serviceLevel)} %`} answered within 300 s · ` +
    `${r.answered} answered, ${r.breached} unanswered past 300 s, ${r.pending} waiting · p50 ${seconds(r.p50)} · p90 ${seconds(r.p90)}`;
}

function render() {
  const main = $('conversations');
  const views = [...state.conversations.values()];
  $('empty').hidden = views.length > 0;
  for (const card of main.querySelectorAll('.conversation')) card.remove();
  for (const view of views) main.append(conversationCard(view));
  for (const list of main.querySelectorAll('.items')) list.scrollTop = list.scrollHeight;
}

let refreshing;
function refreshConversations() {
  clearTimeout(refreshing);
  refreshing = setTimeout(async () => {
    const views = await api('conversations');
    state.conversations = new Map(views.map((v) => [v.key, v]));
    render();
    await refreshSla();
  }, 50);
}

function addItem(item) {
  if (item.seq <= state.lastSeq) return;
  state.lastSeq = item.seq;
  state.items.push(item);
  if (item.conversation) refreshConversations();
  else $('log').prepend(el('li', {}, `${time(item.at)}  ${item.channel ? `[${item.channel}] ` : ''}${item.title}`));
}

function report(id) {
  return (err) => {
    $(id).textContent = err.message;
    $(id).className = 'result error';
  };
}

function fillChannels() {
  $('channels').replaceChildren(
    ...state.channels.map((c) => el('span', { class: 'pill', title: c.webhookUrl }, `${c.channel}: ${c.mode}`)),
  );
  for (const id of ['customer-channel', 'business-channel']) {
    $(id).replaceChildren(...state.channels.map((c) => el('option', { value: c.channel }, c.channel)));
  }
  const first = state.channels[0];
  if (first) $('customer-from').placeholder = `customer id (default ${first.devUser})`;
}

function connect() {
  const source = new EventSource(`/console/api/stream?after=${state.lastSeq}`);
  source.onopen = () => {
    $('connection').textContent = 'live';
    $('connection').className = 'pill on';
  };
  source.onerror = () => {
    $('connection').textContent = 'reconnecting…';
    $('connection').className = 'pill off';
  };
  source.onmessage = (message) => addItem(JSON.parse(message.data));
}

$('customer-form').addEventListener('submit', async (event) => {
  event.preventDefault();
  const body = {
    channel: $('customer-channel').value,
    text: $('customer-text').value,
    hoursAgo: Number($('customer-age').value),
  };
  if ($('customer-from').value) body.from = $('customer-from').value;
  if ($('customer-name').value) body.name = $('customer-name').value;
  try {
    const result = await api('simulate', body);
    $('customer-result').textContent = `${result.status} ${result.verdict}`;
    $('customer-result').className = result.ok ? 'result' : 'result error';
    $('customer-text').value = '';
  } catch (err) {
    report('customer-result')(err);
  }
});

function businessResult(text, ok) {
  $('business-result').textContent = text;
  $('business-result').className = ok ? 'result' : 'result error';
}

// A template is what WhatsApp allows outside the window; it needs the customer's consent (the button records it).
$('business-form').addEventListener('submit', async (event) => {
  event.preventDefault();
  const template = $('business-template').value.trim();
  const body = { channel: $('business-channel').value, user: $('business-user').value };
  if (template) body.template = { name: template, language: $('business-language').value.trim() || 'en_US' };
  else if ($('business-text').value) body.text = $('business-text').value;
  else return businessResult('write a message, or give a template name', false);
  try {
    const result = await api('send', body);
    $('business-result').textContent = result.ok
      ? `sent ${result.receipt.messageId}`
      : `${result.error.code}: ${result.error.message}`;
    $('business-result').className = result.ok ? 'result' : 'result error';
  } catch (err) {
    report('business-result')(err);
  }
});

$('business-consent').addEventListener('click', async () => {
  const user = $('business-user').value;
  if (!user) return businessResult('give the customer id to record consent for', false);
  try {
    await api('consent', { channel: $('business-channel').value, user });
    businessResult(`consent granted for ${user} (all topics)`, true);
    refreshConversations();
  } catch (err) {
    report('business-result')(err);
  }
});

$('raw-close').addEventListener('click', () => {
  $('raw-panel').hidden = true;
});
document.addEventListener('keydown', (event) => {
  if (event.key === 'Escape') $('raw-panel').hidden = true;
});
setInterval(refreshConversations, 30_000); // window labels ("closes in 3 h") move with the clock

api('info').then((info) => {
  state.channels = info.channels;
  fillChannels();
  connect();
});
