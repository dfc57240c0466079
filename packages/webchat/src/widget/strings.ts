/** Every visible string of the widget; pass your own to `element.strings` for another language or tone. */
export interface WidgetStrings {
  title: string;
  openChat: string;
  closeChat: string;
  messageLabel: string;
  placeholder: string;
  send: string;
  attach: string;
  recordVoice: string;
  stopRecording: string;
  connecting: string;
  online: string;
  reconnecting: string;
  offline: string;
  signedOut: string;
  sending: string;
  sent: string;
  delivered: string;
  read: string;
  failed: string;
  retry: string;
  discard: string;
  typing: string;
  today: string;
  yesterday: string;
  loadOlder: string;
  uploading: string;
  uploadFailed: string;
  weAreOpen: string;
  weAreAway: string;
  /** `{time}` is replaced with the next opening, e.g. "09:00". */
  backAt: string;
  /** `{time}` is replaced with the expected reply time, e.g. "5 minutes". */
  replyWithin: string;
  minutes: string;
  hours: string;
  voiceNote: string;
  location: string;
  unread: string;
  you: string;
}

const en: WidgetStrings = {
  title: 'Chat with us',
  openChat: 'Open chat',
  closeChat: 'Close chat',
  messageLabel: 'Message',
  placeholder: 'Write a message…',
  send: 'Send',
  attach: 'Attach a file',
  recordVoice: 'Record a voice note',
  stopRecording: 'Stop and send the voice note',
  connecting: 'Connecting…',
  online: 'Connected',
  reconnecting: 'Reconnecting…',
  offline: 'Offline: your messages are sent when the connection is back',
  signedOut: 'Signed out: log in again to continue the conversation',
  sending: 'Sending',
  sent: 'Sent',
  delivered: 'Delivered',
  read: 'Read',
  failed: 'Not sent',
  retry: 'Try again',
  discard: 'Discard',
  typing: 'typing…',
  today: 'Today',
  yesterday: 'Yesterday',
  loadOlder: 'Show earlier messages',
  uploading: 'Uploading',
  uploadFailed: 'The file could not be sent',
  weAreOpen: 'We are here',
  weAreAway: 'We are away right now',
  backAt: 'back at {time}',
  replyWithin: 'we usually reply within {time}',
  minutes: 'minutes',
  hours: 'hours',
  voiceNote: 'Voice note',
  location: 'Location',
  unread: 'unread messages',
  you: 'You',
};

const nl: WidgetStrings = {
  title: 'Chat met ons',
  openChat: 'Chat openen',
  closeChat: 'Chat sluiten',
  messageLabel: 'Bericht',
  placeholder: 'Schrijf een bericht…',
  send: 'Versturen',
  attach: 'Bestand toevoegen',
  recordVoice: 'Spraakbericht opnemen',
  stopRecording: 'Stoppen en spraakbericht versturen',
  connecting: 'Verbinden…',
  online: 'Verbonden',
  reconnecting: 'Opnieuw verbinden…',
  offline: 'Offline: je berichten worden verstuurd zodra de verbinding terug is',
  signedOut: 'Afgemeld: log opnieuw in om het gesprek voort te zetten',
  sending: 'Versturen',
  sent: 'Verstuurd',
  delivered: 'Afgeleverd',
  read: 'Gelezen',
  failed: 'Niet verstuurd',
  retry: 'Opnieuw proberen',
  discard: 'Verwijderen',
  typing: 'typt…',
  today: 'Vandaag',
  yesterday: 'Gisteren',
  loadOlder: 'Eerdere berichten tonen',
  uploading: 'Uploaden',
  uploadFailed: 'Het bestand kon niet worden verstuurd',
  weAreOpen: 'We zijn er',
  weAreAway: 'We zijn er nu niet',
  backAt: 'terug om {time}',
  replyWithin: 'we antwoorden meestal binnen {time}',
  minutes: 'minuten',
  hours: 'uur',
  voiceNote: 'Spraakbericht',
  location: 'Locatie',
  unread: 'ongelezen berichten',
  you: 'Jij',
};

/** The shipped languages. */
export const WIDGET_STRINGS: Record<'en' | 'nl', WidgetStrings> = { en, nl };

/** The strings for a `lang` attribute (`nl-BE` → Dutch); English otherwise. */
export function stringsFor(lang: string | null | undefined): WidgetStrings {
  return lang?.toLowerCase().startsWith('nl') ? nl : en;
}
