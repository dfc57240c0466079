type Json = Record<string, unknown>;

const isObj = (v: unknown): v is Json => typeof v === 'object' && v !== null && !Array.isArray(v);
const isText = (v: unknown, max = Number.POSITIVE_INFINITY): boolean =>
  typeof v === 'string' && v.length > 0 && v.length <= max;

const MEDIA = new Set(['image', 'video', 'audio', 'document', 'sticker']);
const CAPTIONED = new Set(['image', 'video', 'document']);

function media(type: string, m: Json): string | undefined {
  if ((m.id === undefined) === (m.link === undefined)) return `${type} needs exactly one of id and link`;
  if (m.caption !== undefined && !CAPTIONED.has(type)) return `${type} takes no caption`;
  return undefined;
}

function buttons(action: Json): string | undefined {
  const list = action.buttons;
  if (!Array.isArray(list) || list.length < 1 || list.length > 3) return 'interactive button needs 1 to 3 buttons';
  const titles = list.map((b) => (isObj(b) && isObj(b.reply) ? b.reply.title : undefined));
  if (!titles.every((t) => isText(t, 20))) return 'button titles must be 1 to 20 characters';
  if (new Set(titles).size !== titles.length) return 'button titles must be unique';
  return undefined;
}

function list(action: Json): string | undefined {
  if (!isText(action.button, 20)) return 'list button text must be 1 to 20 characters';
  const sections = action.sections;
  if (!Array.isArray(sections) || sections.length < 1 || sections.length > 10) return 'list needs 1 to 10 sections';
  const rows = sections.flatMap((s) => (isObj(s) && Array.isArray(s.rows) ? s.rows : [undefined]));
  if (rows.length < 1 || rows.length > 10) return 'list needs 1 to 10 rows in all';
  if (!rows.every((r) => isObj(r) && isText(r.id, 200) && isText(r.title, 24)))
    return 'list rows need an id and a title of at most 24 characters';
  return undefined;
}

function interactive(i: Json): string | undefined {
  if (!isObj(i.action)) return 'interactive needs an action';
  if (i.type === 'button' || i.type === 'list') {
    if (!isObj(i.body) || !isText(i.body.text, i.type === 'button' ? 1024 : 4096)) return 'interactive needs body.text';
    return i.type === 'button' ? buttons(i.action) : list(i.action);
  }
  return typeof i.type === 'string' ? undefined : 'interactive needs a type';
}

function content(type: string, c: Json): string | undefined {
  if (type === 'text') return isText(c.body, 4096) ? undefined : "text['body'] must be 1 to 4096 characters";
  if (MEDIA.has(type)) return media(type, c);
  if (type === 'location')
    return typeof c.latitude === 'number' && typeof c.longitude === 'number'
      ? undefined
      : 'location needs latitude and longitude';
  if (type === 'interactive') return interactive(c);
  if (type === 'template')
    return isText(c.name) && isObj(c.language) && isText(c.language.code)
      ? undefined
      : 'template needs name and language.code';
  if (type === 'reaction')
    return isText(c.message_id) && typeof c.emoji === 'string' ? undefined : 'reaction needs message_id and emoji';
  return undefined;
}

/**
 * Roughly checks a `POST /<phone_number_id>/messages` body the way the Cloud API does before accepting it
 * (PLATFORM_RULES §1.5); answers what is wrong, or undefined. Not every rule: enough to catch nonsense.
 */
export function whatsappSendProblem(body: unknown): string | undefined {
  if (!isObj(body)) return 'the body must be a JSON object';
  if (body.messaging_product !== 'whatsapp') return "messaging_product must be 'whatsapp'";
  if (body.status === 'read')
    return isText(body.message_id) ? undefined : 'message_id is required to mark a message read';
  if (!isText(body.to) || !/^\+?[0-9]{5,20}$/.test(body.to as string)) return "'to' must be a phone number";
  const type = body.type === undefined ? 'text' : body.type;
  if (typeof type !== 'string') return 'type must be a string';
  if (type === 'contacts')
    return Array.isArray(body.contacts) && body.contacts.length > 0 ? undefined : 'contacts must be a non-empty array';
  if (!['text', 'location', 'interactive', 'template', 'reaction', ...MEDIA].includes(type))
    return `unknown message type '${type}'`;
  if (!isObj(body[type])) return `a '${type}' message needs a '${type}' object`;
  if (body.context !== undefined && !(isObj(body.context) && isText(body.context.message_id)))
    return 'context needs message_id';
  return content(type, body[type] as Json);
}
