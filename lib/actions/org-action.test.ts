import { beforeEach, describe, expect, it, vi } from "vitest";
import { z } from "zod";
import { orgMember } from "@/test/org-fixtures";
import { useTestDatabase } from "@/test/use-test-database";

const signedIn = vi.hoisted(() => ({ user: null as null | { id: string; name: string | null; email: string | null; image: null; role: "member" } }));
vi.mock("@/lib/auth/session", () => ({ currentUser: async () => signedIn.user }));

const { orgAction } = await import("./org-action");

const database = useTestDatabase();
const handler = vi.fn(async () => "ran");
const action = orgAction({ input: z.object({}), role: "member", name: "test.action" }, handler);

beforeEach(() => handler.mockClear());

describe("orgAction", () => {
  it("refuses an organization slug that is not a plain string, before touching the database", async () => {
    const { user, organization } = await orgMember(database.db, "admin");
    signedIn.user = { id: user.id, name: user.name, email: user.email, image: null, role: "member" };
    expect(await action(organization.slug, {})).toEqual({ ok: true, data: "ran" });

    // A filter object in place of the slug would otherwise reach the query as a Prisma filter.
    for (const orgSlug of [{ contains: "" }, { not: "x" }, [organization.slug], 42, null, undefined, "", "x".repeat(200)]) {
      const result = await action(orgSlug as unknown as string, {});
      expect(result, JSON.stringify(orgSlug)).toMatchObject({ ok: false, error: { code: "invalid_input", field: "orgSlug" } });
    }
    expect(handler).toHaveBeenCalledTimes(1);
  });
});
