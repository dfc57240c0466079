export { BODY_ALREADY_READ, type BodyReader } from './body-already-read.js';
export * from './create-gateway.js';
export * from './gateway-types.js';
export * from '../outbox/index.js';
export type { GatewayHealth } from './health.js';
export type { GatewayListener, GatewaySignal, GatewaySignalType, WebhookRefusal } from './observe.js';
export * from './open-telemetry.js';
export type { AdapterRoutes, RouteInfo, SocketConnection, SocketDecision, SocketRoute } from './adapter-routes.js';
