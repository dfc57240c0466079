import { fileURLToPath } from 'node:url';
import { describeExample } from '@loket/example-framework-kit';

describeExample({
  title: 'examples/express4 (Express 4)',
  how: 'answers a signed WhatsApp message through a JSON parser that kept the raw bytes',
  entry: fileURLToPath(new URL('./main.ts', import.meta.url)),
  greeting: 'Hallo Express 4',
});
