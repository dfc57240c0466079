export { availabilityText } from './availability.js';
export { installLoket, type LoketCommand, type LoketGlobal, runCommand } from './commands.js';
export { defineLoketChat } from './define.js';
export { LoketChatElement } from './loket-chat-element.js';
export { renderText } from './render-text.js';
export { stringsFor, WIDGET_STRINGS, type WidgetStrings } from './strings.js';
export { WIDGET_CSS } from './styles.js';
