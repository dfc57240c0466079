// Web chat fan-out benchmark: a bare `ws` broadcast server (the baseline) and Loket's webchat, each in its own
// process, each holding the same number of WebSocket connections opened by a separate load-generator process;
// agent messages at a steady rate, fan-out latency measured on every connection. Prints ratios to the baseline.
import { measureTarget, type TargetResult } from './measure.js';
import { parseOptions } from './options.js';
import type { TargetName } from './protocol.js';
import { buildReport, formatReport } from './report.js';

async function main(): Promise<void> {
  const options = parseOptions(process.argv.slice(2));
  const log = (line: string) => process.stderr.write(`${line}\n`);
  const results: TargetResult[] = [];
  for (const target of ['baseline', 'loket'] satisfies TargetName[]) {
    results.push(await measureTarget(target, options, log));
  }
  const report = buildReport(results, options);
  process.stdout.write(options.json ? `${JSON.stringify(report, null, 2)}\n` : `\n${formatReport(report)}\n`);
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
