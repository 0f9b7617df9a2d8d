// `npm start` (production build) and `npm run dev` (--dev): migrate the database, then run
// the app. On a loopback development setup without a login consumer (or with --sandbox)
// it generates local secrets and runs the Bitbucket sandbox too; a production start
// (NODE_ENV=production or a public APP_URL) never does: it needs a real configuration.
import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import { EnvError, parseEnv } from "../lib/env/schema";
import { migrateDeploy } from "./lib/database";
import { loadEnvFiles } from "./lib/env-files";
import { ensureLocalSecrets } from "./lib/local-secrets";
import { startSandbox } from "./lib/sandbox";
import { planStart } from "./lib/start-mode";

const dev = process.argv.includes("--dev");
const askedForSandbox = process.argv.includes("--sandbox");
const children: ChildProcess[] = [];

function stopAll(code: number): never {
  for (const child of children) if (child.exitCode === null) child.kill("SIGTERM");
  process.exit(code);
}
process.on("SIGINT", () => stopAll(0));
process.on("SIGTERM", () => stopAll(0));

async function main() {
  process.env.NEXT_TELEMETRY_DISABLED = "1";
  process.env.CHECKPOINT_DISABLE = "1";
  loadEnvFiles();
  const plan = planStart(process.env, { askedForSandbox });
  if ("error" in plan) {
    console.error(plan.error);
    stopAll(1);
  }
  if (plan.sandbox) {
    // Only the embedded setup invents its own secrets; production sets them (README, "Production").
    const generated = ensureLocalSecrets();
    if (generated.length > 0) console.log(`Generated ${generated.join(", ")} in .env.local.`);
    loadEnvFiles();
  }

  const appUrl = (process.env.APP_URL ?? "http://localhost:3000").replace(/\/+$/, "");
  let sandboxEnv: Record<string, string> = {};
  let sandboxUrl: string | undefined;
  if (plan.sandbox) {
    const sandbox = await startSandbox(appUrl, Number(process.env.EMULATOR_PORT ?? 4100));
    children.push(sandbox.process);
    sandboxEnv = sandbox.env;
    sandboxUrl = sandbox.url;
  }

  const env = { ...process.env, ...sandboxEnv };
  const config = parseEnv(env);
  await migrateDeploy(config.DATABASE_URL);

  const next = "node_modules/.bin/next";
  if (!dev && spawnSync(next, ["build"], { stdio: "inherit", env }).status !== 0) stopAll(1);

  const port = new URL(config.APP_URL).port || "3000";
  const app = spawn(next, [dev ? "dev" : "start", "--port", port], { stdio: "inherit", env });
  children.push(app);
  for (const child of children) child.on("exit", (code) => stopAll(code ?? 1));

  console.log(`\nvcs-connect: ${config.APP_URL}`);
  if (sandboxUrl) {
    console.log(`Bitbucket sandbox: ${sandboxUrl} (no login consumer configured, so sign-in uses the sandbox's users)\n`);
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof EnvError ? error.message : error);
  stopAll(1);
});
