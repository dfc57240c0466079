import type { Gateway } from '@loket/core';
import type { FastifyInstance } from 'fastify';

/**
 * Mounts Loket's routes in a Fastify app without giving up Fastify's JSON parsing elsewhere. Register it as an
 * encapsulated plugin: inside it every content type is read as a Buffer (the signed bytes), and the request goes to
 * `gateway.node` with those bytes as `rawBody`. Routes outside the plugin keep Fastify's default parsers.
 *
 * @example
 * await app.register(loketRoutes(gateway)); // before app.listen()
 */
export function loketRoutes(gateway: Gateway, prefix = '/webhooks') {
  return async function loket(scope: FastifyInstance): Promise<void> {
    scope.removeAllContentTypeParsers();
    scope.addContentTypeParser('*', { parseAs: 'buffer' }, (_req, body, done) => done(null, body));
    scope.all(`${prefix}/*`, (request, reply) => {
      reply.hijack(); // Loket writes the answer on the raw response
      gateway.node(Object.assign(request.raw, { rawBody: request.body }), reply.raw);
    });
  };
}
