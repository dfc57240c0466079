import type { Content } from '@loket/core';
import type { PersistentState } from './storage.js';

/** One message the server has not acknowledged yet. */
export interface OutboxEntry {
  clientMessageId: string;
  content: Content;
  at: number;
  /** Set when the server refused it for good (4xx): it waits for the customer's retry or discard. */
  failed?: string;
}

/** The persisted outbox: unsent messages survive reloads and are retried with the same `clientMessageId`. */
export class Outbox {
  private entries: OutboxEntry[];

  constructor(private readonly state: PersistentState) {
    this.entries = Outbox.read(state.get('outbox'));
  }

  private static read(text: string | null): OutboxEntry[] {
    if (!text) return [];
    try {
      const list: unknown = JSON.parse(text);
      return Array.isArray(list)
        ? list.filter((e): e is OutboxEntry => typeof e?.clientMessageId === 'string' && typeof e?.content === 'object')
        : [];
    } catch {
      return []; // a corrupt entry cannot be sent anyway
    }
  }

  list(): readonly OutboxEntry[] {
    return this.entries;
  }

  get(clientMessageId: string): OutboxEntry | undefined {
    return this.entries.find((e) => e.clientMessageId === clientMessageId);
  }

  add(entry: OutboxEntry): void {
    this.entries.push(entry);
    this.save();
  }

  update(clientMessageId: string, patch: Partial<OutboxEntry>): void {
    this.entries = this.entries.map((e) => (e.clientMessageId === clientMessageId ? { ...e, ...patch } : e));
    this.save();
  }

  remove(clientMessageId: string): void {
    this.entries = this.entries.filter((e) => e.clientMessageId !== clientMessageId);
    this.save();
  }

  clear(): void {
    this.entries = [];
    this.state.delete('outbox');
  }

  private save(): void {
    if (this.entries.length === 0) this.state.delete('outbox');
    else this.state.set('outbox', JSON.stringify(this.entries));
  }
}
