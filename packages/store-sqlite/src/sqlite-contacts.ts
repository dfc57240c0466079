import { type ChannelId, type ContactStore, conversationKey } from '@loket/core';
import type { Database } from 'better-sqlite3';

/**
 * The contacts of `sqliteStore`: one row per linked conversation (its key is the primary key, so a conversation
 * belongs to one contact at most), numbered per contact in link order inside one transaction.
 */
export function sqliteContacts(db: Database): ContactStore {
  const current = db.prepare('SELECT contact FROM contacts WHERE conversation = ?');
  const upsert = db.prepare(
    `INSERT INTO contacts (conversation, contact, channel, account, user, linked)
     VALUES (@key, @contact, @channel, @account, @user,
       (SELECT COALESCE(MAX(linked), 0) + 1 FROM contacts WHERE contact = @contact))
     ON CONFLICT (conversation) DO UPDATE SET contact = excluded.contact, linked = excluded.linked`,
  );
  const remove = db.prepare('DELETE FROM contacts WHERE conversation = ?');
  const list = db.prepare('SELECT channel, account, user FROM contacts WHERE contact = ? ORDER BY linked');

  const link = db.transaction((contact: string, ref: { channel: ChannelId; account: string; user: string }) => {
    const key = conversationKey(ref);
    const row = current.get(key) as { contact: string } | undefined;
    if (row?.contact === contact) return;
    upsert.run({ key, contact, channel: ref.channel, account: ref.account, user: ref.user });
  });

  return {
    async link(contactId, ref) {
      link.immediate(contactId, ref);
    },
    async unlink(ref) {
      remove.run(conversationKey(ref));
    },
    async of(ref) {
      return (current.get(conversationKey(ref)) as { contact: string } | undefined)?.contact;
    },
    async conversations(contactId) {
      return list.all(contactId) as { channel: ChannelId; account: string; user: string }[];
    },
  };
}
