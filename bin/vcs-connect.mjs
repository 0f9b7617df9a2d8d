#!/usr/bin/env node
// The command-line tool runs from its TypeScript sources through tsx, like the project's scripts.
import { register } from "tsx/esm/api";

register();
await import("../cli/main.ts");
