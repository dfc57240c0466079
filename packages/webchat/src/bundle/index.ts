export { type BuiltFile, loaderScript, widgetBundle, widgetScript } from './widget-bundle.js';
