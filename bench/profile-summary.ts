// Where a server's CPU time went: reads the newest V8 CPU profile in bench/profiles/
// (written by `npm run bench -- --only receiver --profile`) and prints self time by
// package or module, and the busiest functions. Run: npx tsx bench/profile-summary.ts
import { readdirSync, readFileSync, statSync } from "node:fs";
import { join } from "node:path";

type Node = { id: number; callFrame: { functionName: string; url: string; lineNumber: number }; hitCount?: number };
type Profile = { nodes: Node[]; samples: number[]; timeDeltas: number[] };

const dir = "bench/profiles";
const files = readdirSync(dir).filter((f) => f.endsWith(".cpuprofile")).map((f) => join(dir, f));
// The largest recent profile is the server's (Next may start helper processes that profile too).
const file = files.sort((a, b) => statSync(b).size - statSync(a).size)[0];
if (!file) throw new Error(`No .cpuprofile in ${dir}`);
const profile = JSON.parse(readFileSync(file, "utf8")) as Profile;

const byId = new Map(profile.nodes.map((n) => [n.id, n]));
const selfMs = new Map<number, number>();
profile.samples.forEach((id, i) => selfMs.set(id, (selfMs.get(id) ?? 0) + (profile.timeDeltas[i] ?? 0) / 1000));

function moduleOf(url: string, name: string): string {
  if (!url) return name.startsWith("(") ? name : "(native)";
  if (url.startsWith("node:")) return url;
  const pkg = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(url)?.[1];
  if (pkg) return pkg;
  const chunk = /\.next\/server\/(.*)$/.exec(url)?.[1];
  return chunk ? `app bundle ${chunk.slice(0, 60)}` : url.slice(-60);
}

const modules = new Map<string, number>();
const functions = new Map<string, number>();
let total = 0;
for (const [id, ms] of selfMs) {
  const node = byId.get(id)!;
  const { functionName, url, lineNumber } = node.callFrame;
  const module = moduleOf(url, functionName);
  modules.set(module, (modules.get(module) ?? 0) + ms);
  const fn = `${functionName || "(anonymous)"} ${module}:${lineNumber + 1}`;
  functions.set(fn, (functions.get(fn) ?? 0) + ms);
  total += ms;
}
const busy = total - (modules.get("(idle)") ?? 0);
const top = (map: Map<string, number>, n: number) =>
  [...map].filter(([k]) => !k.startsWith("(idle)")).sort((a, b) => b[1] - a[1]).slice(0, n).map(([k, ms]) => `  ${((100 * ms) / busy).toFixed(1).padStart(5)} %  ${k}`).join("\n");
console.log(`${file}: ${(total / 1000).toFixed(1)} s sampled, ${(busy / 1000).toFixed(1)} s busy\n\nSelf time by package or module (share of busy time):\n${top(modules, 20)}\n\nBusiest functions:\n${top(functions, 25)}`);
