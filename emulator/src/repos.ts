// Repository fixtures. acme and carol-labs are hand-named; bigco's 1,500 are generated on first use.
import { stableInt, stableUuid } from "./random.js";

export interface SeedRepo {
  workspace: string;
  slug: string;
  name: string;
  description: string;
  isPrivate: boolean;
  mainbranch: string;
  language: string;
  size: number;
  projectKey: string;
  createdOn: string;
  updatedOn: string;
  uuid: string;
  /** Position in the workspace; drives members' read/write permission. */
  index: number;
}

export interface SeedProject {
  key: string;
  name: string;
}

export const PROJECTS: Record<string, SeedProject[]> = {
  acme: [
    { key: "CORE", name: "Core platform" }, { key: "WEB", name: "Web" },
    { key: "OPS", name: "Operations" }, { key: "DATA", name: "Data" },
  ],
  "carol-labs": [{ key: "LAB", name: "Lab experiments" }],
  bigco: [
    { key: "PLAT", name: "Platform" }, { key: "APPS", name: "Applications" },
    { key: "INFRA", name: "Infrastructure" }, { key: "SEC", name: "Security" }, { key: "ML", name: "Machine learning" },
  ],
};

// [name, slug, private, mainbranch, language, project]
type Row = [string, string, boolean, "main" | "master", string, string];

const ACME: Row[] = [
  ["API Gateway", "api-gateway", true, "main", "go", "CORE"],
  ["billing-service", "billing-service", true, "main", "java", "CORE"],
  ["Web Frontend", "web-frontend", true, "main", "typescript", "WEB"],
  ["mobile-app", "mobile-app", true, "master", "kotlin", "WEB"],
  ["infra-terraform", "infra-terraform", true, "main", "hcl", "OPS"],
  ["docs", "docs", false, "main", "markdown", "WEB"],
  ["Design System", "design-system", false, "main", "typescript", "WEB"],
  ["auth-service", "auth-service", true, "master", "go", "CORE"],
  ["data-pipeline", "data-pipeline", true, "main", "python", "DATA"],
  ["Analytics Dashboard", "analytics-dashboard", true, "main", "typescript", "DATA"],
  ["notification-service", "notification-service", true, "master", "java", "CORE"],
  ["search-indexer", "search-indexer", true, "main", "rust", "DATA"],
  ["payments-api", "payments-api", true, "main", "java", "CORE"],
  ["inventory", "inventory", true, "master", "python", "CORE"],
  ["Customer Portal", "customer-portal", false, "main", "typescript", "WEB"],
  ["admin-console", "admin-console", true, "main", "typescript", "WEB"],
  ["ml-models", "ml-models", true, "main", "python", "DATA"],
  ["etl-jobs", "etl-jobs", true, "master", "scala", "DATA"],
  ["legacy-monolith", "legacy-monolith", true, "master", "php", "CORE"],
  ["status-page", "status-page", false, "main", "javascript", "OPS"],
  ["cli-tools", "cli-tools", false, "main", "go", "OPS"],
  ["sdk-python", "sdk-python", false, "main", "python", "WEB"],
  ["sdk-js", "sdk-js", false, "main", "javascript", "WEB"],
  ["helm-charts", "helm-charts", true, "main", "yaml", "OPS"],
  ["API Docs", "api-docs", false, "master", "markdown", "WEB"],
];

const CAROL: Row[] = [
  ["quantum-notes", "quantum-notes", true, "main", "python", "LAB"],
  ["Garden Sensors", "garden-sensors", false, "main", "c", "LAB"],
  ["dotfiles", "dotfiles", false, "master", "shell", "LAB"],
  ["thesis", "thesis", true, "main", "tex", "LAB"],
];

const DAY = 86_400_000;
const EPOCH = Date.UTC(2026, 4, 1, 9, 0, 0);

/** Bitbucket's timestamp format: microseconds and an explicit +00:00 offset. */
export function bbTime(ms: number): string {
  return new Date(ms).toISOString().replace(/\.(\d{3})Z$/, ".$1000+00:00");
}

function fromRow(ws: string, row: Row, index: number): SeedRepo {
  const [name, slug, isPrivate, mainbranch, language, projectKey] = row;
  const seed = `${ws}/${slug}`;
  const created = EPOCH - (400 + stableInt(`c:${seed}`, 1500)) * DAY - stableInt(`cs:${seed}`, DAY);
  const updated = EPOCH - stableInt(`u:${seed}`, 365) * DAY - stableInt(`us:${seed}`, DAY);
  return {
    workspace: ws, slug, name, isPrivate, mainbranch, language, projectKey, index,
    description: `${name} (${language}) in the ${ws} sandbox workspace.`,
    size: 20_000 + stableInt(`s:${seed}`, 50_000_000),
    createdOn: bbTime(created),
    updatedOn: bbTime(Math.max(updated, created + DAY)),
    uuid: stableUuid(`repo:${seed}`),
  };
}

const WORDS = ["alpha", "beacon", "cobalt", "delta", "ember", "falcon", "granite", "harbor", "iris", "juniper", "kepler", "lumen", "meridian", "nimbus", "orbit", "pylon", "quartz", "raven", "summit", "tundra"];
const KINDS = ["service", "api", "worker", "web", "lib", "infra", "etl", "bot"];
const LANGS = ["go", "java", "python", "typescript", "rust", "kotlin", "ruby", "c#"];
const BIGCO_COUNT = 1500;

function bigcoRow(i: number): Row {
  const word = WORDS[i % WORDS.length] ?? "alpha";
  const kind = KINDS[Math.floor(i / WORDS.length) % KINDS.length] ?? "service";
  const slug = `${word}-${kind}-${String(i).padStart(4, "0")}`;
  const project = PROJECTS.bigco?.[i % 5]?.key ?? "PLAT";
  return [slug, slug, i % 3 !== 0, i % 4 === 0 ? "master" : "main", LANGS[i % LANGS.length] ?? "go", project];
}

const cache = new Map<string, SeedRepo[]>();

/** All repositories of a workspace, built once on first request. */
export function reposOf(workspace: string): SeedRepo[] {
  const hit = cache.get(workspace);
  if (hit) return hit;
  let rows: Row[];
  if (workspace === "acme") rows = ACME;
  else if (workspace === "carol-labs") rows = CAROL;
  else if (workspace === "bigco") rows = Array.from({ length: BIGCO_COUNT }, (_, i) => bigcoRow(i));
  else return [];
  const repos = rows.map((row, i) => fromRow(workspace, row, i));
  cache.set(workspace, repos);
  return repos;
}
