export { type BuiltFile, loaderScript, widgetBundle } from './widget-bundle.js';
