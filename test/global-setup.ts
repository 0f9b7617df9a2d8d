import { rmSync } from "node:fs";
import type { TestProject } from "vitest/node";
import { resetDatabase, sqliteFile } from "../scripts/lib/database";

declare module "vitest" {
  export interface ProvidedContext {
    templateDatabaseUrl: string;
  }
}

// Migrate once per run; each test file copies this file (fast) instead of migrating.
// The file is this run's own, so parallel runs on one machine do not collide.
export default async function setup(project: TestProject) {
  const url = `file:./data/test-template-${process.pid}.db`;
  await resetDatabase(url);
  project.provide("templateDatabaseUrl", url);
  return () => rmSync(sqliteFile(url), { force: true });
}
