import { describe, expect, it } from "vitest";
import { createConnection } from "@/lib/connections/create-connection";
import { renameConnection } from "@/lib/connections/manage-connection";
import { deleteConnection } from "@/lib/workflows/delete-connection";
import { orgMember } from "@/test/org-fixtures";
import { useTestDatabase } from "@/test/use-test-database";
import { auditCatalog, auditLabel, ORGANIZATION_AUDIT_GROUPS } from "./catalog";
import { describeChanges, isRecordedTime } from "@/components/audit-changes";
import { listAuditEvents } from "./list-audit-events";

const database = useTestDatabase();

describe("the audit catalog", () => {
  it("gives every action words and a target kind, and unknown stored actions neutral words", () => {
    for (const [action, entry] of Object.entries(auditCatalog)) {
      expect(entry.label, action).not.toMatch(/[._]/);
      expect(entry.label.length, action).toBeGreaterThan(3);
    }
    expect(auditLabel("connection.created")).toBe("Created the connection");
    expect(auditLabel("something.retired")).toBe("Other change");
  });

  it("offers every action an organization's log records in the action filter, once, in its group", () => {
    const offered = ORGANIZATION_AUDIT_GROUPS.flatMap((group) => group.actions.map((entry) => entry.action));
    expect(new Set(offered).size).toBe(offered.length);
    expect(offered.sort()).toEqual(Object.keys(auditCatalog).filter((action) => auditCatalog[action as keyof typeof auditCatalog].group !== "instance").sort());
    expect(offered).not.toContain("user.blocked");
  });

  it("shows recorded moments (snapshots keep them in UTC) in the reader's zone, and nothing else as a time", () => {
    expect(isRecordedTime("2026-03-01T10:00:00.000Z")).toBe(true);
    expect(isRecordedTime("2026-03-01T10:00:00Z")).toBe(true);
    expect(isRecordedTime("never")).toBe(false);
    expect(isRecordedTime("2026-03-01")).toBe(false);
  });
});

describe("listing audit events", () => {
  it("names each action and target in words, never by raw id or code", async () => {
    const admin = await orgMember(database.db, "admin");
    const draft = await createConnection(admin.access, { name: "Bitbucket", profile: "repository_sync" });
    await renameConnection(admin.access, draft.id, "Bitbucket Cloud");

    const events = await listAuditEvents(admin.organization.id);
    expect(events.map((event) => event.label)).toEqual(["Renamed the connection", "Created the connection"]);
    for (const event of events) {
      expect(event.target).toBe("Connection “Bitbucket Cloud”");
      expect(event.target).not.toContain(draft.id);
    }
    const created = events[1]!;
    expect(describeChanges(created).find((change) => change.key === "status")?.to).toBe("Draft");
    // Lists and empty values in words, not JSON.
    expect(describeChanges(created).find((change) => change.key === "requiredScopes")?.to).toMatch(/^account, repository:write, /);
    expect(describeChanges(created).find((change) => change.key === "clientIdLast4")?.to).toBe("none");
  });

  it("keeps the recorded name of a target that was deleted", async () => {
    const admin = await orgMember(database.db, "admin");
    const draft = await createConnection(admin.access, { name: "Short-lived", profile: "repository_sync" });
    await deleteConnection(admin.access, draft.id);

    const [deleted] = await listAuditEvents(admin.organization.id);
    expect(deleted).toMatchObject({ label: "Deleted the connection", target: "Connection “Short-lived”" });
  });
});
