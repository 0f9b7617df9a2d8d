import { describe, expect, it } from "vitest";
import { nextSteps } from "./next-steps";

const org = (role: "owner" | "admin" | "member", connectionCount: number) => ({ slug: "acme", name: "Acme", role, connectionCount });
const texts = (steps: ReturnType<typeof nextSteps>) => steps.map((step) => step.text).join("\n");

describe("the dashboard's next steps", () => {
  it("tell only the instance owner to create an organization", () => {
    expect(texts(nextSteps({ instanceOwner: true }, []))).toMatch(/Create an organization/);
    expect(texts(nextSteps({ instanceOwner: false }, []))).not.toMatch(/Create an organization/);
    expect(texts(nextSteps({ instanceOwner: false }, []))).toMatch(/add you under Members/);
  });

  it("tell an admin to connect only while the organization has no connection", () => {
    expect(nextSteps({ instanceOwner: false }, [org("admin", 0)])[0]!.link!.href).toBe("/orgs/acme/integrations/bitbucket-cloud/new");
    expect(texts(nextSteps({ instanceOwner: false }, [org("admin", 1)]))).not.toMatch(/Connect/);
    expect(nextSteps({ instanceOwner: false }, [org("owner", 2)])[0]!.link!.href).toBe("/orgs/acme/projects");
  });

  it("send a member to the status page, never to setup", () => {
    const steps = nextSteps({ instanceOwner: false }, [org("member", 0)]);
    expect(steps).toHaveLength(1);
    expect(steps[0]!.link!.href).toBe("/orgs/acme/status");
  });
});
