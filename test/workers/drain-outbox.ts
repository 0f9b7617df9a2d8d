// Runs in its own OS process, as another app instance's outbox worker would: waits for "go"
// on stdin (so several start together), then works the shared outbox until nothing is pending.
import { createInterface } from "node:readline";
import { db } from "../../lib/db";
import { outboxOptions } from "../../lib/outbox/options";
import { runOutbox } from "../../lib/outbox/run-outbox";

const options = outboxOptions();
process.stdout.write(`ready ${options.holder}\n`);
await new Promise<void>((resolve) => createInterface({ input: process.stdin }).once("line", () => resolve()));
const deadline = Date.now() + 90_000;
while (Date.now() < deadline && (await db().outboxMessage.count({ where: { status: "pending" } })) > 0) {
  await runOutbox(options);
  await new Promise((resolve) => setTimeout(resolve, 20));
}
process.stdout.write(`done ${options.holder}\n`);
process.exit(0);
