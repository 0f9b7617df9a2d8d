import { describe, expect, it } from "vitest";
import { changeStatus, SYSTEM } from "@/lib/connections/status/change-status";
import { orgMember } from "@/test/org-fixtures";
import { runWorker } from "@/test/processes";
import { useTestDatabase } from "@/test/use-test-database";
import { organizationStatus } from "./organization-status";

const database = useTestDatabase();

async function organizationWithConnection() {
  const owner = await orgMember(database.db, "owner");
  const connection = await database.db.vcsConnection.create({
    data: {
      organizationId: owner.organization.id,
      provider: "bitbucket_cloud",
      name: "Bitbucket",
      hostUrl: "https://bitbucket.org",
      apiUrl: "https://api.bitbucket.org/2.0",
      profile: "read_only",
      requiredScopes: "repository",
      status: "connected",
    },
  });
  return { connection, token: owner.organization.id };
}

/** What the status pages and their JSON (org and public) show for the organization's one connection. */
async function shownStatus(organizationId: string): Promise<string> {
  return (await organizationStatus(organizationId))[0]!.status;
}

describe("cached organization status", () => {
  it("shows a status change made in this instance on the next read", async () => {
    const { connection, token } = await organizationWithConnection();
    expect(await shownStatus(token)).toBe("connected");
    await database.db.$transaction((tx) => changeStatus(tx, connection, "error", { actor: SYSTEM, reason: "host_timeout" }));
    expect(await shownStatus(token)).toBe("error");
  });

  it("serves reads from the cache, and shows another instance's change within 5 seconds", async () => {
    const { connection, token } = await organizationWithConnection();
    // The other process starts now and changes the status at a set moment, once it is up.
    const changeAt = Date.now() + 6_000;
    const other = runWorker("test/workers/set-status.ts", [connection.id, "error", String(changeAt)], { DATABASE_URL: database.url });
    await new Promise((resolve) => setTimeout(resolve, changeAt - 300 - Date.now()));
    expect(await shownStatus(token)).toBe("connected");
    const changedAt = Number(await other);
    // The other process cannot reach this one's cache: right after its change, the cached answer still stands.
    if (Date.now() - changedAt < 1_000) expect(await shownStatus(token)).toBe("connected");
    let shown = "connected";
    while (shown !== "error" && Date.now() - changedAt < 5_000) {
      await new Promise((resolve) => setTimeout(resolve, 100));
      shown = await shownStatus(token);
    }
    expect(shown).toBe("error");
    expect(Date.now() - changedAt).toBeLessThan(5_000);
  }, 30_000);
});
