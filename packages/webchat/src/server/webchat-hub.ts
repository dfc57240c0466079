import { type ConversationRef, conversationKey, type Logger, type PubSub } from '@loket/core';
import type { ServerFrame } from './webchat-frames.js';

/** Fan-out of a conversation's frames to every open stream, in every process on the store. */
export interface WebchatHub {
  publish(ref: ConversationRef, frame: ServerFrame): Promise<void>;
  /** Resolves once live; answers the unsubscribe. */
  subscribe(ref: ConversationRef, listener: (frame: ServerFrame) => void): Promise<() => Promise<void>>;
}

interface Topic {
  listeners: Set<(frame: ServerFrame) => void>;
  ready: Promise<() => Promise<void>>;
}

/**
 * Builds the hub over the store's pub/sub: one store subscription per conversation and process, however many tabs
 * and devices hold a stream. A lost message is harmless: streams repair gaps from the log.
 */
export function createHub(pubsub: PubSub, logger: Logger): WebchatHub {
  const topics = new Map<string, Topic>();
  const topicOf = (ref: ConversationRef) => `webchat:${conversationKey(ref)}`;

  return {
    async publish(ref, frame) {
      try {
        await pubsub.publish(topicOf(ref), JSON.stringify(frame));
      } catch (err) {
        // The log already has the event; streams pick it up at the next one or on resume.
        logger.warn(
          { err: String(err), channel: 'webchat' },
          'web chat fan-out failed: streams repair it from the log',
        );
      }
    },
    async subscribe(ref, listener) {
      const name = topicOf(ref);
      let topic = topics.get(name);
      if (!topic) {
        const listeners = new Set<(frame: ServerFrame) => void>();
        const ready = pubsub.subscribe(name, (message) => {
          const frame = JSON.parse(message) as ServerFrame;
          for (const l of listeners) l(frame);
        });
        topic = { listeners, ready };
        topics.set(name, topic);
      }
      topic.listeners.add(listener);
      const own = topic;
      await own.ready;
      return async () => {
        own.listeners.delete(listener);
        if (own.listeners.size === 0 && topics.get(name) === own) {
          topics.delete(name);
          await (await own.ready)();
        }
      };
    },
  };
}
