import { createInterface } from "node:readline";
import { Writable } from "node:stream";

export type Prompter = { ask(question: string, options?: { secret?: boolean }): Promise<string>; close(): void };

/**
 * Questions on the terminal, or answers read line by line from piped input. A secret's
 * typed characters are not echoed.
 */
export function prompter(): Prompter {
  let muted = false;
  const echo = new Writable({
    write(chunk, _encoding, done) {
      if (!muted) process.stderr.write(chunk);
      done();
    },
  });
  const rl = createInterface({ input: process.stdin, output: echo, terminal: Boolean(process.stdin.isTTY) });
  // The iterator buffers lines that arrive before they are asked for (piped input).
  const lines = rl[Symbol.asyncIterator]();
  return {
    async ask(question, options = {}) {
      process.stderr.write(question);
      muted = Boolean(options.secret);
      const line = await lines.next();
      muted = false;
      // A terminal echoed the line (a secret's newline aside); piped answers are not echoed at all.
      if (options.secret || !process.stdin.isTTY) process.stderr.write("\n");
      return line.done ? "" : String(line.value).trim();
    },
    close: () => rl.close(),
  };
}

/** All of standard input, for secrets passed as `… | vcs-connect vcs create --client-secret-stdin`. */
export async function readStdin(): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString("utf8").trim();
}
