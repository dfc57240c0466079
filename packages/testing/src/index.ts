export * from './conformance/adapter/adapter-conformance.js';
export * from './conformance/adapter/adapter-conformance-options.js';
export * from './conformance/adapter/signature-schemes.js';
export * from './conformance/store/store-conformance.js';
export type { StoreConformanceOptions } from './conformance/store/store-suite-context.js';
export * from './kit.js';
export * from './conformance/record/record-conformance.js';
