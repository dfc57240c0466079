import { defineConfig } from 'vitest/config';
import shared from '../../vitest.shared.ts';

// Core resolves without the shared `module` condition: it would pick @opentelemetry/api's ESM build, whose
// extensionless imports Node cannot load (the SDK used by the OpenTelemetry test loads it too).
const conditions = ['source', 'node', 'import', 'default'];

export default defineConfig({
  ...shared,
  resolve: { conditions },
  ssr: { resolve: { conditions, externalConditions: ['node', 'import', 'default'] } },
});
