import { describe, expect, it } from "vitest";
import { runWorker } from "@/test/processes";
import { useTestDatabase } from "@/test/use-test-database";
import { callsInLastHour, countCall } from "./count-call";

const database = useTestDatabase();

describe("counting uses of an OAuth consumer", () => {
  it("counts per consumer over the last hour, apart by kind", async () => {
    const consumer = { hostUrl: "https://bitbucket.example", clientId: "key-one" };
    const now = new Date();
    await countCall(consumer, "proxy", new Date(now.getTime() - 61 * 60_000));
    await countCall(consumer, "proxy", new Date(now.getTime() - 30 * 60_000));
    await countCall(consumer, "proxy", now);
    await countCall(consumer, "token_issued", now);
    await countCall({ ...consumer, clientId: "key-two" }, "proxy", now);

    expect(await callsInLastHour(consumer, now)).toEqual({ token_issued: 1, proxy: 2 });
    expect(await database.db.consumerCallCount.count({ where: { clientId: "key-one" } })).toBe(4);
  });

  it("loses no call when two app processes count the same consumer in the same minute", async () => {
    const consumer = { hostUrl: "https://bitbucket.example", clientId: "key-shared" };
    const env = { DATABASE_URL: database.url };
    const args = [consumer.hostUrl, consumer.clientId, "40"];
    await Promise.all([runWorker("test/workers/count-calls.ts", args, env), runWorker("test/workers/count-calls.ts", args, env)]);
    expect((await callsInLastHour(consumer)).proxy).toBe(80);
  }, 60_000);
});
