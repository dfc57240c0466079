export * from './create-gateway.js';
export * from './gateway-types.js';
export * from '../outbox/index.js';
export type { AdapterRoutes, RouteInfo, SocketConnection, SocketDecision, SocketRoute } from './adapter-routes.js';
