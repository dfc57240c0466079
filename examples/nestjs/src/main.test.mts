import { fileURLToPath } from 'node:url';
import { describeExample } from '@loket/example-framework-kit';

describeExample({
  title: 'examples/nestjs (NestJS, CommonJS)',
  how: 'loads Loket with require() and answers a signed WhatsApp message',
  entry: fileURLToPath(new URL('./main.ts', import.meta.url)),
  greeting: 'Hallo Nest',
  commonjs: true,
});
