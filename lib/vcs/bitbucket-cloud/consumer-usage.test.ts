import { describe, expect, it } from "vitest";
import { runWorker } from "@/test/processes";
import { useTestDatabase } from "@/test/use-test-database";
import { consumerId, countConsumerUse, usesInLastHour, callsInLastHour } from "./consumer-usage";

const database = useTestDatabase();

describe("counting uses of an OAuth consumer", () => {
  it("counts per consumer over the last hour, apart by kind; issued tokens are not calls", async () => {
    const consumer = { hostUrl: "https://bitbucket.example", clientId: "key-one" };
    const now = Date.now();
    await countConsumerUse(consumer, "proxy", now - 61 * 60_000);
    await countConsumerUse(consumer, "proxy", now - 30 * 60_000);
    await countConsumerUse(consumer, "proxy", now);
    await countConsumerUse(consumer, "api", now);
    await countConsumerUse(consumer, "token_issued", now);
    await countConsumerUse({ ...consumer, clientId: "key-two" }, "proxy", now);

    expect(await usesInLastHour(consumer, now)).toEqual({ api: 1, proxy: 2, token_issued: 1 });
    expect(await callsInLastHour(consumer, now)).toBe(3);
    expect(await database.db.consumerCallCount.count({ where: { consumer: consumerId(consumer) } })).toBe(5);
  });

  it("loses no use when two app processes count the same consumer in the same minute", async () => {
    const consumer = { hostUrl: "https://bitbucket.example", clientId: "key-shared" };
    const env = { DATABASE_URL: database.url };
    const args = [consumer.hostUrl, consumer.clientId, "40"];
    await Promise.all([runWorker("test/workers/count-calls.ts", args, env), runWorker("test/workers/count-calls.ts", args, env)]);
    expect((await usesInLastHour(consumer)).proxy).toBe(80);
  }, 60_000);
});
