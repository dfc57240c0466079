/** Where a command writes and what it reads from its surroundings; tests pass their own. */
export interface CliIo {
  /** A line (or lines) of normal output. */
  out(text: string): void;
  /** A line of error output. */
  err(text: string): void;
  /** Rewrites the current status line (progress bars); undefined when the output is not a terminal. */
  status?(text: string): void;
  /** Everything on standard input (`--body -`), read to its end. */
  readStdin?(): Promise<Uint8Array>;
  readonly env: Readonly<Record<string, string | undefined>>;
  readonly cwd: string;
  /** Resolves when the user asks the command to stop (Ctrl-C); `loket dev` runs until then. */
  untilStopped?(): Promise<void>;
}

/** The real process: stdout, stderr, stdin, the environment, Ctrl-C. */
export function processIo(): CliIo {
  const tty = process.stdout.isTTY === true;
  quietOnClosedPipe(process.stdout);
  return {
    readStdin: async () => {
      const chunks: Buffer[] = [];
      for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
      return new Uint8Array(Buffer.concat(chunks));
    },
    out: (text) => process.stdout.write(`${text}\n`),
    err: (text) => process.stderr.write(`${text}\n`),
    status: tty ? (text) => process.stdout.write(`\r\x1b[2K${text}`) : undefined,
    env: process.env,
    cwd: process.cwd(),
    untilStopped: () =>
      new Promise((resolve) => {
        let stopping = false;
        const stop = (): void => {
          // The first Ctrl-C closes gracefully (in-flight work drains); a second one does not wait.
          if (stopping) process.exit(130);
          stopping = true;
          resolve();
        };
        process.on('SIGINT', stop);
        process.on('SIGTERM', stop);
      }),
  };
}

/**
 * `loket simulate ... | head -1`: the reader went away, which is a normal end for a command's output, not a crash.
 * Exit quietly with 0 instead of an unhandled EPIPE error.
 */
export function quietOnClosedPipe(stream: NodeJS.WriteStream, exit: (code: number) => void = process.exit): void {
  stream.on('error', (err: NodeJS.ErrnoException) => {
    if (err.code === 'EPIPE') exit(0);
    else throw err;
  });
}
