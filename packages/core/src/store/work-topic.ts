/**
 * The pub/sub topic on which a store announces new work (`'inbox'` or `'outbox'`) to every process on it: a
 * started gateway subscribes when its store has `pubsub`, and wakes its inbox or outbox worker at once. Stores
 * that share work between processes may publish here after an enqueue commits; workers poll anyway, so a lost
 * wake-up only costs one poll interval.
 */
export const STORE_WORK_TOPIC = 'loket:work';
