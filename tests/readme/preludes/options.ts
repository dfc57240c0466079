// Prelude `options`: `waOptions`, `fbOptions`, `igOptions`, each adapter's options pointed at the emulator.
import { createEmulator as optionsPreludeEmulator } from '@loket/testing/kit';

const optionsPreludeApi = await optionsPreludeEmulator({ appSecret: 'readme-app-secret' });
const optionsPreludeBase = {
  appSecret: 'readme-app-secret',
  verifyToken: 'readme-verify',
  accessToken: 'readme-token',
};
export const waOptions = { ...optionsPreludeBase, apiBaseUrl: optionsPreludeApi.url };
export const fbOptions = { ...optionsPreludeBase, apiBaseUrl: optionsPreludeApi.url };
export const igOptions = { ...optionsPreludeBase, apiBaseUrl: optionsPreludeApi.url };
