import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { sourceAddressOf } from "@/lib/webhooks/source-address";
import { orgMember } from "@/test/org-fixtures";
import { useTestDatabase } from "@/test/use-test-database";
import { appUrlReachability } from "./app-url-reachability";
import { loadAtlassianRanges } from "./atlassian-ranges";
import { readNetwork } from "./read-network";

const database = useTestDatabase();
const dir = mkdtempSync(join(tmpdir(), "vcs-connect-network-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe("whether Bitbucket can reach APP_URL", () => {
  it("flags loopback, private-network and local names; accepts a public name or address", () => {
    for (const url of ["http://localhost:3000", "http://127.0.0.1:3000", "http://[::1]:3000", "http://app.localhost"]) expect(appUrlReachability(url).kind, url).toBe("loopback");
    for (const url of ["http://10.0.0.5", "https://192.168.1.20", "http://172.20.0.2:8080"]) expect(appUrlReachability(url).kind, url).toBe("private");
    for (const url of ["http://vcs-connect:3000", "https://git.corp", "https://ci.internal"]) expect(appUrlReachability(url).kind, url).toBe("local_name");
    for (const url of ["https://vcs-connect.example.com", "https://203.0.113.9"]) expect(appUrlReachability(url).kind, url).toBe("public");
    expect(appUrlReachability("http://localhost:3000")).toMatchObject({ message: expect.stringContaining("loopback") });
  });
});

describe("Atlassian's published ranges", () => {
  const file = join(dir, "ip-ranges.json");
  it("keep Bitbucket's egress ranges from the published JSON and check addresses against them", () => {
    writeFileSync(
      file,
      JSON.stringify({
        creationDate: "2026-11-01T00:00:00",
        items: [
          { cidr: "104.192.136.0/21", product: ["bitbucket"], direction: ["egress"] },
          { cidr: "185.166.140.0/22", product: ["bitbucket"], direction: ["ingress"] },
          { cidr: "13.52.5.0/25", product: ["jira"], direction: ["egress"] },
          { cidr: "2401:1d80:3000::/36", product: ["bitbucket"], direction: ["egress"] },
        ],
      }),
    );
    const ranges = loadAtlassianRanges(file);
    if (ranges.state !== "loaded") throw new Error(ranges.state);
    expect(ranges.cidrs).toEqual(["104.192.136.0/21", "2401:1d80:3000::/36"]);
    expect(ranges.creationDate).toBe("2026-11-01T00:00:00");
    // Atlassian's date carries no zone and is UTC: shown as an instant, in the reader's zone.
    expect(ranges.publishedAt).toBe("2026-11-01T00:00:00.000Z");
    expect(ranges.contains("104.192.137.5")).toBe(true);
    expect(ranges.contains("::ffff:104.192.137.5")).toBe(true);
    expect(ranges.contains("2401:1d80:3000::1")).toBe(true);
    expect(ranges.contains("185.166.140.1")).toBe(false);
    expect(ranges.contains("13.52.5.1")).toBe(false);
  });

  it("say what is wrong with a missing or foreign file, and nothing when none is configured", () => {
    expect(loadAtlassianRanges(undefined)).toEqual({ state: "not_configured" });
    expect(loadAtlassianRanges(join(dir, "missing.json"))).toMatchObject({ state: "unreadable", message: expect.stringContaining("does not exist") });
    const foreign = join(dir, "foreign.json");
    writeFileSync(foreign, '{"hello":"world"}');
    expect(loadAtlassianRanges(foreign)).toMatchObject({ state: "unreadable", message: expect.stringContaining("ip-ranges.atlassian.com") });
  });
});

describe("a delivery's source address", () => {
  it("is the last X-Forwarded-For hop, when it is an IP address", () => {
    expect(sourceAddressOf(new Headers({ "x-forwarded-for": "203.0.113.1, 104.192.136.7" }))).toBe("104.192.136.7");
    expect(sourceAddressOf(new Headers({ "x-forwarded-for": "::ffff:127.0.0.1" }))).toBe("127.0.0.1");
    expect(sourceAddressOf(new Headers({ "x-forwarded-for": "not-an-address" }))).toBeNull();
    expect(sourceAddressOf(new Headers())).toBeNull();
  });
});

describe("the network overview", () => {
  it("lists each outbound host once with the connections that use it, and the workspaces in use; admins only", async () => {
    const admin = await orgMember(database.db, "admin");
    const organizationId = admin.organization.id;
    const connection = (name: string, hostUrl: string, apiUrl: string) =>
      database.db.vcsConnection.create({ data: { organizationId, name, provider: "bitbucket_cloud", hostUrl, apiUrl, profile: "read_only", requiredScopes: "repository" } });
    const cloud = await connection("Cloud", "https://bitbucket.org", "https://api.bitbucket.org/2.0");
    await connection("Cloud (CI)", "https://bitbucket.org", "https://api.bitbucket.org/2.0");
    await database.db.project.create({
      data: { organizationId, connectionId: cloud.id, repositoryUuid: "{n}", fullName: "acme/api", workspaceSlug: "acme", slug: "api", name: "api", isPrivate: true, hookId: "h-network", hookSecretSealed: "x", events: "repo:push" },
    });

    const { outbound, inbound } = await readNetwork(admin.access);
    expect(outbound.hosts).toEqual([
      { origin: "https://bitbucket.org", uses: ["Cloud (Host URL)", "Cloud (CI) (Host URL)"] },
      { origin: "https://api.bitbucket.org", uses: ["Cloud (API URL)", "Cloud (CI) (API URL)"] },
    ]);
    expect(outbound.workspaces).toEqual([{ workspace: "acme", allowlistUrl: "https://bitbucket.org/acme/workspace/settings/access-controls" }]);
    expect(inbound.webhookBaseUrl).toBe("http://localhost:3999/api/webhooks/bitbucket/");
    expect(inbound.reachability.kind).toBe("loopback");

    const member = await orgMember(database.db, "member", organizationId);
    await expect(readNetwork(member.access)).rejects.toMatchObject({ code: "forbidden" });
  });
});
