import { fileURLToPath } from 'node:url';
import { describeExample } from '@loket/example-framework-kit';

describeExample({
  title: 'examples/fastify (Fastify 5)',
  how: 'answers a signed WhatsApp message while the rest of the app parses JSON',
  entry: fileURLToPath(new URL('./main.ts', import.meta.url)),
  greeting: 'Hallo Fastify',
});
