import type { InboundEvent } from '../model/events.js';
import type { EventHandler, HandlerType } from './gateway-types.js';

/** The user's handlers, by event type. */
export interface HandlerRegistry {
  on<T extends HandlerType>(type: T, handler: EventHandler<T>): () => void;
  /** The handlers for an event, in the order they run: its type's handlers, then the `'*'` handlers. */
  handlersFor(event: InboundEvent): EventHandler<'*'>[];
}

/** Creates an empty registry. Removing a handler while an event is being handled does not disturb that event. */
export function createHandlerRegistry(): HandlerRegistry {
  const byType = new Map<HandlerType, EventHandler<'*'>[]>();
  return {
    on(type, handler) {
      // Stored untyped: `handlersFor` only hands it events of the type it was registered for.
      const stored = handler as unknown as EventHandler<'*'>;
      const list = [...(byType.get(type) ?? []), stored];
      byType.set(type, list);
      let removed = false;
      return () => {
        if (removed) return;
        removed = true;
        byType.set(
          type,
          (byType.get(type) ?? []).filter((h) => h !== stored),
        );
      };
    },
    handlersFor(event) {
      return [...(byType.get(event.type) ?? []), ...(byType.get('*') ?? [])];
    },
  };
}
