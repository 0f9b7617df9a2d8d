import { canManageConnections, type OrgRole } from "@/lib/access/roles";

export type NextStep = { text: string; link?: { href: string; label: string } };
type OrganizationSummary = { slug: string; name: string; role: OrgRole; connectionCount: number };

/**
 * What the dashboard suggests next, from the person's role and how far each of their
 * organizations has come: nobody is told to do what they cannot, or what is already done.
 */
export function nextSteps(person: { instanceOwner: boolean }, organizations: OrganizationSummary[]): NextStep[] {
  if (organizations.length === 0) {
    return person.instanceOwner
      ? [{ text: "Create an organization; its setup for Bitbucket Cloud opens right after.", link: { href: "#create-organization", label: "Create an organization" } }]
      : [{ text: "Ask the instance owner, or an admin of an existing organization, to add you under Members by the email you signed in with." }];
  }
  const steps: NextStep[] = [];
  for (const organization of organizations) {
    const base = `/orgs/${organization.slug}`;
    if (!canManageConnections(organization.role)) {
      steps.push({ text: `See how ${organization.name}'s connections are doing.`, link: { href: `${base}/status`, label: `${organization.name} → Status` } });
    } else if (organization.connectionCount === 0) {
      steps.push({ text: `Connect ${organization.name} to Bitbucket Cloud.`, link: { href: `${base}/integrations/bitbucket-cloud/new`, label: `Set up Bitbucket Cloud for ${organization.name}` } });
    } else {
      steps.push({ text: `Turn ${organization.name}'s repositories into projects and watch their webhook deliveries.`, link: { href: `${base}/projects`, label: `${organization.name} → Projects` } });
    }
  }
  if (person.instanceOwner) steps.push({ text: "Check who can sign in, and how.", link: { href: "/settings/authentication", label: "Settings → Authentication" } });
  return steps;
}
