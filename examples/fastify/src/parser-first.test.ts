import { describeParserFirst } from '@loket/example-framework-kit';
import Fastify from 'fastify';

describeParserFirst({
  title: "Fastify's default JSON parser before gateway.node: 500 that points to the plugin recipe",
  framework: 'node',
  fix: "Fastify parses every body before the handler runs: register Loket's routes in a plugin",
  serve: async (gateway) => {
    const app = Fastify();
    app.post('/webhooks/*', (request, reply) => {
      reply.hijack();
      gateway.node(request.raw, reply.raw);
    });
    const origin = await app.listen({ port: 0, host: '127.0.0.1' });
    return { origin, close: () => app.close() };
  },
});
