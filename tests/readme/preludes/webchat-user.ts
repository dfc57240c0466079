// Prelude `webchat-user`: the logged-in `user` of your backend.
export const user = { id: 'customer-42', name: 'Ada' };
