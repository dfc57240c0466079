// Prelude `x-tokens`: the `saved` OAuth 2.0 pair and a `db` that keeps new ones.
export const saved = { accessToken: 'x-access-token', refreshToken: 'x-refresh-token' };
export const db = { saveXTokens: async (tokens: unknown) => console.log('saved', tokens) };
