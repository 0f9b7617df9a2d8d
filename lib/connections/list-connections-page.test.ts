import fc from "fast-check";
import { beforeAll, describe, expect, it, vi } from "vitest";
import * as collectionRoute from "@/app/api/v1/organizations/[org]/vcs/route";
import { connectionListSchema } from "@/lib/api/schemas";
import { createApiToken } from "@/lib/api-tokens/create-api-token";
import { orgMember } from "@/test/org-fixtures";
import { useTestDatabase } from "@/test/use-test-database";
import { CONNECTION_STATUSES } from "./status";

// The walks below make thousands of requests with one token: lift the per-client ceiling.
vi.stubEnv("API_RATE_LIMIT_PER_MINUTE", "1000000");

const database = useTestDatabase();
const N = 800;
const STATUSES = ["connected", "error", "needs_reauthorization", "draft"] as const;

let org: string;
let token: string;
let organizationId: string;
const statusOf = new Map<string, string>();

/** Many connections, a few sharing each creation time, so ordering must break ties. */
async function seed(count: number, from: number) {
  const base = Date.UTC(2026, 0, 1);
  const rows = Array.from({ length: count }, (_, k) => {
    const n = from + k;
    return {
      id: `c${String(n * 7919 % 100_003).padStart(6, "0")}-${n}`,
      organizationId,
      provider: "bitbucket_cloud",
      name: `Connection ${n}`,
      hostUrl: "https://bitbucket.org",
      apiUrl: "https://api.bitbucket.org/2.0",
      profile: "read_only",
      requiredScopes: "repository",
      status: STATUSES[n % STATUSES.length]!,
      createdAt: new Date(base + Math.floor(n / 3) * 1000),
    };
  });
  await database.db.vcsConnection.createMany({ data: rows });
  for (const row of rows) statusOf.set(row.id, row.status);
}

async function page(query: Record<string, string>) {
  const url = `http://localhost:3999/api/v1/organizations/${org}/vcs?${new URLSearchParams(query)}`;
  const response = await collectionRoute.GET(new Request(url, { headers: { authorization: `Bearer ${token}` } }), { params: Promise.resolve({ org }) });
  return { status: response.status, json: (await response.json()) as any };
}

async function walk(query: Record<string, string>, onPage?: (index: number) => Promise<void>) {
  const seen: string[] = [];
  let cursor: string | null = null;
  for (let index = 0; ; index++) {
    const { status, json } = await page({ ...query, ...(cursor ? { cursor } : {}) });
    expect(status).toBe(200);
    const body = connectionListSchema.parse(json);
    expect(body.data.length).toBeLessThanOrEqual(Number(query.limit ?? 50));
    seen.push(...body.data.map((c) => c.id));
    cursor = body.next;
    if (!cursor) return seen;
    await onPage?.(index);
  }
}

beforeAll(async () => {
  // Hooks run before the per-test install of the test database as the shared client.
  (globalThis as { vcsConnectDb?: unknown }).vcsConnectDb = database.db;
  const owner = await orgMember(database.db, "owner");
  org = owner.organization.slug;
  organizationId = owner.organization.id;
  token = (await createApiToken(owner.access, { name: "pager" })).token;
  await seed(N, 0);
});

describe("listing connections a page at a time", () => {
  it("answers 50 by default, oldest first, with a cursor to the rest", async () => {
    const { json } = await page({});
    expect(json.data).toHaveLength(50);
    expect(json.next).toEqual(expect.any(String));
    const times = json.data.map((c: { createdAt: string }) => c.createdAt);
    expect([...times].sort()).toEqual(times);
  });

  it("covers every connection exactly once, for any page size and status filter", async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.integer({ min: 1, max: 100 }),
        fc.option(fc.subarray([...CONNECTION_STATUSES], { minLength: 1 }), { nil: undefined }),
        async (limit, statuses) => {
          const seen = await walk({ limit: String(limit), ...(statuses ? { status: statuses.join(",") } : {}) });
          const expected = [...statusOf].filter(([, status]) => !statuses || statuses.includes(status as never)).map(([id]) => id);
          expect(new Set(seen).size).toBe(seen.length);
          expect([...seen].sort()).toEqual(expected.sort());
        },
      ),
      { numRuns: 10 },
    );
  }, 120_000);

  it("skips nothing and repeats nothing while connections are added during the walk", async () => {
    const before = new Set(statusOf.keys());
    let added = 0;
    const seen = await walk({ limit: "100" }, async (index) => {
      if (index % 3 === 0) {
        await seed(5, N + 10_000 + added);
        added += 5;
      }
    });
    expect(new Set(seen).size).toBe(seen.length);
    for (const id of before) expect(seen).toContain(id);
  }, 60_000);

  it("refuses a bad limit, cursor or status with 422 naming the parameter", async () => {
    for (const [query, field] of [
      [{ limit: "101" }, "limit"],
      [{ limit: "0" }, "limit"],
      [{ limit: "ten" }, "limit"],
      [{ cursor: "not-a-cursor" }, "cursor"],
      [{ status: "happy" }, "status"],
    ] as const) {
      const { status, json } = await page(query);
      expect(status).toBe(422);
      expect(json.error.field).toBe(field);
    }
  });
});
