import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { describe, expect, it, vi } from "vitest";
import { outboundFetch } from "@/lib/http/outbound";
import { orgMember } from "@/test/org-fixtures";
import { runWorker } from "@/test/processes";
import { useTestDatabase } from "@/test/use-test-database";
import { asConsumer, consumerId, countConsumerUse, usesInLastHour, callsInLastHour } from "./consumer-usage";

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

  it("alerts the organization once when a consumer's calls pass 80 % of the hourly allowance", async () => {
    const admin = await orgMember(database.db, "admin");
    const consumer = { hostUrl: "http://127.0.0.1:9", clientId: "key-budget" };
    const connection = await database.db.vcsConnection.create({
      data: {
        organizationId: admin.organization.id,
        provider: "bitbucket_cloud",
        name: "Busy",
        hostUrl: consumer.hostUrl,
        apiUrl: `${consumer.hostUrl}/2.0`,
        profile: "custom",
        requiredScopes: "",
        clientId: consumer.clientId,
      },
    });
    const server = createServer((_request, response) => response.end("{}"));
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/`;
    // Only the clock moves: the database and the network stay real.
    vi.useFakeTimers({ toFake: ["Date"] });
    try {
      const start = Math.floor(Date.now() / 3_600_000) * 3_600_000 + 5 * 60_000;
      vi.setSystemTime(start);
      const minute = new Date(start - 60_000);
      await database.db.consumerCallCount.create({ data: { consumer: consumerId(consumer), kind: "api", minute, count: 790 } });
      await asConsumer(consumer, async () => (await outboundFetch(url)).text());
      expect(await database.db.alert.count({ where: { kind: "call_budget" } })).toBe(0);

      await database.db.consumerCallCount.updateMany({ where: { consumer: consumerId(consumer), minute }, data: { count: 820 } });
      // The hour's sum is read at most once a minute per process, not on every call.
      await asConsumer(consumer, async () => (await outboundFetch(url)).text());
      expect(await database.db.alert.count({ where: { kind: "call_budget" } })).toBe(0);

      vi.setSystemTime(start + 61_000);
      await asConsumer(consumer, async () => (await outboundFetch(url)).text());
      const alerts = await database.db.alert.findMany({ where: { kind: "call_budget" } });
      expect(alerts).toMatchObject([{ organizationId: admin.organization.id, connectionId: connection.id }]);

      // Once per hour window, however many calls follow.
      vi.setSystemTime(start + 3 * 61_000);
      await asConsumer(consumer, async () => (await outboundFetch(url)).text());
      expect(await database.db.alert.count({ where: { kind: "call_budget" } })).toBe(1);
    } finally {
      vi.useRealTimers();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    }
  });
});
