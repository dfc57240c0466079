export * from './fit-content.js';
export * from './numbered-choice.js';
export { splitText } from './measure.js';
