export * from './fit-content.js';
export * from './numbered-choice.js';
export * from './declared-content.js';
export { splitText } from './measure.js';
