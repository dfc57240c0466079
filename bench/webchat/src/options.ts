import { parseArgs } from 'node:util';

/** The run's settings, from the command line. */
export interface BenchOptions {
  /** WebSocket connections the load generator opens to each server. */
  connections: number;
  /** Connections per conversation (tabs and devices of one visitor); each agent message reaches this many. */
  tabs: number;
  /** Agent messages a second, over all conversations. */
  rate: number;
  /** Seconds of measured sending (after `warmup` seconds that are not measured). */
  seconds: number;
  warmup: number;
  /** Print the result as JSON instead of a table. */
  json: boolean;
}

/** Parses `--connections N --tabs K --rate M --seconds S --warmup W --json`. */
export function parseOptions(argv: string[]): BenchOptions {
  const { values } = parseArgs({
    args: argv,
    options: {
      connections: { type: 'string', default: '10000' },
      tabs: { type: 'string', default: '10' },
      rate: { type: 'string', default: '20' },
      seconds: { type: 'string', default: '15' },
      warmup: { type: 'string', default: '3' },
      json: { type: 'boolean', default: false },
    },
  });
  const positive = (name: keyof typeof values) => {
    const n = Number(values[name]);
    if (!(n > 0)) throw new Error(`--${name} must be a positive number (got ${values[name]})`);
    return n;
  };
  const options = {
    connections: Math.floor(positive('connections')),
    tabs: Math.floor(positive('tabs')),
    rate: positive('rate'),
    seconds: positive('seconds'),
    warmup: positive('warmup'),
    json: values.json === true,
  };
  options.tabs = Math.min(options.tabs, options.connections);
  return options;
}
