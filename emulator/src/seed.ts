// Fixed sandbox users and workspaces. Identifiers derive from names so they are stable across starts.
import { stableAccountId, stableUuid } from "./random.js";

export interface SeedEmail {
  email: string;
  isPrimary: boolean;
  isConfirmed: boolean;
}

export interface SeedUser {
  username: string;
  password: string;
  displayName: string;
  uuid: string;
  accountId: string;
  createdOn: string;
  emails: SeedEmail[];
}

export type WorkspaceRole = "admin" | "member";

export interface SeedWorkspace {
  slug: string;
  name: string;
  uuid: string;
  createdOn: string;
  /** The user who owns it (a personal workspace); null for team workspaces. */
  owner: string | null;
  members: Record<string, WorkspaceRole>;
}

function user(username: string, displayName: string, createdOn: string, emails: SeedEmail[]): SeedUser {
  return {
    username,
    password: `${username}-pass`,
    displayName,
    uuid: stableUuid(`user:${username}`),
    accountId: stableAccountId(username),
    createdOn,
    emails,
  };
}

export const USERS: readonly SeedUser[] = [
  user("alice", "Alice Anderson", "2019-03-14T09:12:45.123456+00:00", [
    { email: "alice@acme.example", isPrimary: true, isConfirmed: true },
    { email: "alice.anderson@mail.example", isPrimary: false, isConfirmed: true },
    { email: "alice@old-acme.example", isPrimary: false, isConfirmed: false },
  ]),
  user("bob", "Bob Baker", "2020-07-02T16:40:03.000000+00:00", [
    { email: "bob@acme.example", isPrimary: true, isConfirmed: true },
    { email: "bob.baker@mail.example", isPrimary: false, isConfirmed: true },
  ]),
  user("carol", "Carol Chen", "2021-11-23T08:05:59.500000+00:00", [
    { email: "carol@carol-labs.example", isPrimary: true, isConfirmed: true },
    { email: "carol.chen@mail.example", isPrimary: false, isConfirmed: true },
  ]),
];

function workspace(slug: string, name: string, createdOn: string, owner: string | null, members: Record<string, WorkspaceRole>): SeedWorkspace {
  return { slug, name, uuid: stableUuid(`workspace:${slug}`), createdOn, owner, members };
}

export const WORKSPACES: readonly SeedWorkspace[] = [
  workspace("acme", "Acme Inc", "2018-01-10T10:00:00.000000+00:00", null, { alice: "admin", bob: "member" }),
  workspace("carol-labs", "Carol Labs", "2021-11-23T08:10:00.000000+00:00", "carol", { carol: "admin" }),
  workspace("bigco", "BigCo Holdings", "2015-05-05T05:05:05.000000+00:00", null, { alice: "member" }),
];

export function findUser(username: string): SeedUser | undefined {
  return USERS.find((u) => u.username === username);
}

export function findWorkspace(slug: string): SeedWorkspace | undefined {
  return WORKSPACES.find((w) => w.slug === slug);
}

export function roleIn(workspaceSlug: string, username: string): WorkspaceRole | undefined {
  return findWorkspace(workspaceSlug)?.members[username];
}

export function workspacesOf(username: string): SeedWorkspace[] {
  return WORKSPACES.filter((w) => w.members[username] !== undefined);
}
