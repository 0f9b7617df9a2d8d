import { existsSync } from "node:fs";

/**
 * Loads .env.local then .env into process.env, the same precedence Next.js uses
 * (variables already in the environment win), for scripts that run outside Next.
 */
export function loadEnvFiles(dir = process.cwd()): void {
  for (const name of [".env.local", ".env"]) {
    const path = `${dir}/${name}`;
    if (existsSync(path)) process.loadEnvFile(path);
  }
}
