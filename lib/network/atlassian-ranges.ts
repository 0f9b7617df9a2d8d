import "server-only";
import { readFileSync, statSync } from "node:fs";
import { BlockList, isIP } from "node:net";
import { z } from "zod";

// Atlassian publishes its address ranges at https://ip-ranges.atlassian.com/ as JSON:
// { creationDate, items: [{ cidr, product?: [...], direction?: [...] }] }. The operator keeps a
// copy on disk (the instance may have no internet); the ranges Bitbucket sends from are the
// items for product "bitbucket" with direction "egress" (items without those lists count too).
const rangesFile = z.object({
  creationDate: z.string().optional(),
  items: z.array(z.object({ cidr: z.string(), product: z.array(z.string()).optional(), direction: z.array(z.string()).optional() }).loose()),
}).loose();

export type AtlassianRanges =
  | { state: "not_configured" }
  | { state: "unreadable"; file: string; message: string }
  | {
      state: "loaded";
      file: string;
      creationDate: string | null;
      /** creationDate as an instant (ISO 8601, UTC), when it is a date. */
      publishedAt: string | null;
      cidrs: string[];
      contains(address: string): boolean;
    };

/** Atlassian writes creationDate in UTC without saying so ("2026-11-01T00:00:00.000000"). */
function publishedAt(creationDate: string | undefined): string | null {
  if (!creationDate) return null;
  const zoned = /(Z|[+-]\d\d:?\d\d)$/.test(creationDate) ? creationDate : `${creationDate}Z`;
  const at = new Date(zoned.replace(/(\.\d{3})\d+/, "$1"));
  return Number.isNaN(at.getTime()) ? null : at.toISOString();
}

let cache: { file: string; mtimeMs: number; ranges: AtlassianRanges } | undefined;

function parse(file: string, text: string): AtlassianRanges {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    return { state: "unreadable", file, message: "The file is not JSON. Save the whole answer of https://ip-ranges.atlassian.com/ into it." };
  }
  const parsed = rangesFile.safeParse(json);
  if (!parsed.success) return { state: "unreadable", file, message: "The file does not look like https://ip-ranges.atlassian.com/ (no items with a cidr)." };
  const cidrs = parsed.data.items
    .filter((item) => (!item.product || item.product.includes("bitbucket")) && (!item.direction || item.direction.includes("egress")))
    .map((item) => item.cidr);
  const list = new BlockList();
  for (const cidr of cidrs) {
    const [network = "", prefix = ""] = cidr.split("/");
    const family = isIP(network);
    if (family !== 0 && /^\d+$/.test(prefix)) list.addSubnet(network, Number(prefix), family === 4 ? "ipv4" : "ipv6");
  }
  return {
    state: "loaded",
    file,
    creationDate: parsed.data.creationDate ?? null,
    publishedAt: publishedAt(parsed.data.creationDate),
    cidrs,
    contains: (address) => {
      const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(address)?.[1] ?? address;
      const family = isIP(mapped);
      return family !== 0 && list.check(mapped, family === 4 ? "ipv4" : "ipv6");
    },
  };
}

/** The ranges from `file`, re-read when the file changes (an operator refreshes the copy without a restart). */
export function loadAtlassianRanges(file: string | undefined): AtlassianRanges {
  if (!file) return { state: "not_configured" };
  let mtimeMs: number;
  try {
    mtimeMs = statSync(file).mtimeMs;
  } catch {
    return { state: "unreadable", file, message: "The file does not exist or cannot be read by the server." };
  }
  if (cache?.file === file && cache.mtimeMs === mtimeMs) return cache.ranges;
  const ranges = parse(file, readFileSync(file, "utf8"));
  cache = { file, mtimeMs, ranges };
  return ranges;
}
