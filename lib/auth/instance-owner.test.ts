import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { createTestDatabase, type TestDatabase } from "@/test/database";
import { runWorker } from "@/test/processes";
import { createUserClaimingInstance } from "./instance-owner";

const person = (name: string) => ({ name, email: `${name}@example.test`, emailVerified: null, image: null });

describe("createUserClaimingInstance", () => {
  let database: TestDatabase;
  beforeEach(async () => {
    database = await createTestDatabase();
  });
  afterEach(() => database.cleanup());

  it("makes the first user the instance owner and later users members", async () => {
    const first = await createUserClaimingInstance(database.db, person("ann"));
    const second = await createUserClaimingInstance(database.db, person("ben"));

    expect(first.role).toBe("owner");
    expect(second.role).toBe("member");
    const stored = await database.db.user.findMany({ orderBy: { createdAt: "asc" }, select: { email: true, role: true } });
    expect(stored).toEqual([
      { email: "ann@example.test", role: "owner" },
      { email: "ben@example.test", role: "member" },
    ]);
    expect((await database.db.instance.findUniqueOrThrow({ where: { id: 1 } })).ownerUserId).toBe(first.id);
  });

  it("crowns exactly one owner when many people sign in at the same moment", async () => {
    const users = await Promise.all(
      Array.from({ length: 12 }, (_, i) => createUserClaimingInstance(database.db, person(`user${i}`))),
    );
    expect(users.filter((u) => u.role === "owner")).toHaveLength(1);
    expect(await database.db.user.count({ where: { role: "owner" } })).toBe(1);
  });

  it("crowns exactly one owner across separate app processes sharing the database", async () => {
    const outputs = await Promise.all(
      [0, 1, 2].map((p) => runWorker("test/workers/create-users.ts", [database.url, ...[0, 1, 2, 3].map((i) => `p${p}u${i}`)])),
    );
    const roles = outputs.flatMap((output) => JSON.parse(output) as string[]);
    expect(roles).toHaveLength(12);
    expect(roles.filter((role) => role === "owner")).toHaveLength(1);
    expect(await database.db.user.count({ where: { role: "owner" } })).toBe(1);
    expect(await database.db.user.count()).toBe(12);
  }, 30_000); // three Node processes start
});
