// The entry of widget.js: defines <loket-chat>, installs window.Loket and runs the loader's queue.
import { installLoket, type LoketGlobal } from './commands.js';
import { defineLoketChat } from './define.js';

// The queue runs first: an `identify` or `open` queued by the page is then in place when the elements already in
// the page upgrade, so a logged-in customer's first session is already the verified one.
installLoket(window as unknown as { Loket?: LoketGlobal });
defineLoketChat();
