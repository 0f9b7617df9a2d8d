// CLI: npx tsx emulator/src/main.ts (configured through EMULATOR_* variables).
import { ConfigError, optionsFromEnv } from "./config.js";
import { startEmulator } from "./server.js";

async function main(): Promise<void> {
  let options;
  try {
    options = optionsFromEnv(process.env);
  } catch (e) {
    if (e instanceof ConfigError) {
      console.error(e.message);
      process.exit(2);
    }
    throw e;
  }
  let emulator;
  try {
    emulator = await startEmulator({ ...options, log: process.env.EMULATOR_LOG === "1" });
  } catch (e) {
    console.error(`Bitbucket Cloud emulator could not start: ${(e as Error).message}`);
    process.exit(1);
  }
  console.log(`Bitbucket Cloud emulator listening on ${emulator.url}`);

  let stopping = false;
  const stop = (signal: string) => {
    if (stopping) return;
    stopping = true;
    emulator.close().then(
      () => process.exit(0),
      (e: unknown) => {
        console.error(`Error while stopping on ${signal}:`, e);
        process.exit(1);
      },
    );
  };
  process.on("SIGINT", () => stop("SIGINT"));
  process.on("SIGTERM", () => stop("SIGTERM"));
}

void main();
