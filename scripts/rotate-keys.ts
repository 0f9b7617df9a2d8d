// Re-seals every client secret, token and webhook secret under the current ENCRYPTION_KEY:
//   npm run keys:rotate
// Safe to run while the app runs, to run twice, and to run again after an interruption.
import { EnvError } from "../lib/env/schema";
import { rotateSealedValues } from "../lib/keys/rotate-sealed-values";
import { loadEnvFiles } from "./lib/env-files";

async function main(): Promise<number> {
  loadEnvFiles();
  const started = Date.now();
  const report = await rotateSealedValues((column, done, total) => {
    process.stderr.write(`  ${column}: ${done}/${total}\n`);
  });
  console.log(`Key rotation to key "${report.keyId}" (${Date.now() - started} ms):`);
  for (const column of report.columns) {
    const extra = column.changedMeanwhile ? `, ${column.changedMeanwhile} rewritten by the app meanwhile` : "";
    console.log(`  ${column.label}: ${column.found} under an older key, ${column.resealed} re-sealed${extra}, ${column.failed.length} failed`);
    for (const failure of column.failed) console.log(`    ${column.label} ${failure.id}: ${failure.reason}`);
  }
  if (report.remaining === 0) {
    console.log("Every sealed value uses the current key. You can remove the old keys from ENCRYPTION_PREVIOUS_KEYS and restart.");
    return 0;
  }
  console.log(`${report.remaining} values still use an older key: keep ENCRYPTION_PREVIOUS_KEYS, fix the failures above, and run again.`);
  return 1;
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(error instanceof EnvError ? `keys:rotate: ${error.message}` : error);
    process.exit(1);
  },
);
