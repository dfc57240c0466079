// The entry of widget.js: defines <loket-chat>, installs window.Loket and runs the loader's queue.
import { installLoket, type LoketGlobal } from './commands.js';
import { defineLoketChat } from './define.js';

defineLoketChat();
installLoket(window as unknown as { Loket?: LoketGlobal });
