// Prelude `emulator`: a running @loket/testing emulator.
import { createEmulator as emulatorPreludeCreate } from '@loket/testing/kit';

export const emulator = await emulatorPreludeCreate({ appSecret: 'readme-app-secret' });
