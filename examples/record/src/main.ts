// `npm start`: runs the record scenario against the local emulator and prints what happens.
import { runRecordScenario } from './scenario.js';

const result = await runRecordScenario((line) => console.log(line));
console.log(`\nDone: ${result.afterErase} history entries left after the erasure.`);
