import { describe, expect, it } from "vitest";
import { AppError } from "@/lib/errors/app-error";
import { orgMember } from "@/test/org-fixtures";
import { useTestDatabase } from "@/test/use-test-database";
import { checkIntervalSetting, setCheckInterval } from "./check-interval";

const database = useTestDatabase();

describe("the organization's health-check interval", () => {
  it("defaults to an hour; an admin changes it, connections waiting longer come forward, and it is audited", async () => {
    const admin = await orgMember(database.db, "admin");
    const member = await orgMember(database.db, "member", admin.organization.id);
    expect(await checkIntervalSetting(admin.organization.id)).toBe(3_600);
    const far = new Date(Date.now() + 3_600_000);
    const connection = await database.db.vcsConnection.create({
      data: {
        organizationId: admin.organization.id, provider: "bitbucket_cloud", name: "B", hostUrl: "https://bitbucket.org",
        apiUrl: "https://api.bitbucket.org/2.0", profile: "read_only", requiredScopes: "repository", status: "connected", nextCheckAt: far,
      },
    });

    await expect(setCheckInterval(member.access, 900)).rejects.toBeInstanceOf(AppError);
    await setCheckInterval(admin.access, 900);
    expect(await checkIntervalSetting(admin.organization.id)).toBe(900);
    const moved = await database.db.vcsConnection.findUniqueOrThrow({ where: { id: connection.id } });
    expect(moved.nextCheckAt!.getTime()).toBeLessThanOrEqual(Date.now() + 900_000);
    const audit = await database.db.auditEvent.findFirstOrThrow({ where: { organizationId: admin.organization.id, action: "organization.check_interval_changed" } });
    expect(JSON.parse(audit.after!)).toEqual({ healthCheckIntervalSeconds: 900 });
  });
});
