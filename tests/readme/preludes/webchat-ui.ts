// Prelude `webchat-ui`: the page around the client: `fetchChatToken` (your backend's token), `render`, `banner`.
export const fetchChatToken = async () => 'a-jwt-from-your-backend';
export const render = (message: unknown) => console.log('render', message);
export const banner = (state: string, transport?: string) => console.log('banner', state, transport);
