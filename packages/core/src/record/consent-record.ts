import type { ConversationStore, Store } from '../store/store.js';
import type { Recorder } from './recorder.js';

/**
 * The store as the policy sees it: every consent record it writes (API grants and revocations, stop words,
 * platform opt-outs) also goes into the conversation's log.
 */
export function consentRecordingStore(store: Store, recorder: Recorder): Store {
  const conversations = new Proxy(store.conversations, {
    get(target, prop, receiver) {
      if (prop !== 'setConsent') {
        const value = Reflect.get(target, prop, receiver);
        return typeof value === 'function' ? value.bind(target) : value;
      }
      const setConsent: ConversationStore['setConsent'] = async (ref, record) => {
        await target.setConsent(ref, record);
        const data = { status: record.status, topic: record.topic, source: record.source };
        await recorder.append(ref, 'consent', data, record.at);
      };
      return setConsent;
    },
  });
  return new Proxy(store, {
    get: (target, prop, receiver) => (prop === 'conversations' ? conversations : Reflect.get(target, prop, receiver)),
  });
}
