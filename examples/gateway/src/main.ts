// `npm start`: runs the scenario against the local emulator and prints what happens.
import { runScenario } from './scenario.js';

const result = await runScenario((line) => console.log(line));
console.log(
  `\nDone: ${result.events.length} events handled, ${result.sent.length} messages sent, refusals: ${result.refusals.join(', ') || 'none'}`,
);
