import { resetDatabase } from "../scripts/lib/database";
import { TEMPLATE_DATABASE_URL } from "./database";

// Migrate once per run; each test file then copies this file (fast) instead of migrating.
export default function setup() {
  resetDatabase(TEMPLATE_DATABASE_URL);
}
