// JSON shapes of users, emails, workspaces and repositories as Bitbucket's API returns them.
import type { Core } from "../context.js";
import { PROJECTS, type SeedRepo } from "../repos.js";
import { stableUuid } from "../random.js";
import type { SeedEmail, SeedUser, SeedWorkspace } from "../seed.js";

const api = (core: Core) => `${core.publicUrl}/2.0`;

export function userJson(core: Core, u: SeedUser) {
  return {
    type: "user",
    uuid: u.uuid,
    account_id: u.accountId,
    display_name: u.displayName,
    nickname: u.username,
    username: u.username,
    account_status: "active",
    created_on: u.createdOn,
    has_2fa_enabled: null,
    is_staff: false,
    location: null,
    links: {
      self: { href: `${api(core)}/users/${encodeURIComponent(u.uuid)}` },
      html: { href: `${core.publicUrl}/${u.username}/` },
      avatar: { href: `${core.publicUrl}/account/${u.username}/avatar.svg` },
    },
  };
}

export function emailJson(core: Core, e: SeedEmail) {
  return {
    type: "email",
    email: e.email,
    is_primary: e.isPrimary,
    is_confirmed: e.isConfirmed,
    links: { self: { href: `${api(core)}/user/emails/${encodeURIComponent(e.email)}` } },
  };
}

function workspaceLinks(core: Core, ws: SeedWorkspace) {
  return {
    self: { href: `${api(core)}/workspaces/${ws.slug}` },
    html: { href: `${core.publicUrl}/${ws.slug}/` },
    avatar: { href: `${core.publicUrl}/account/${ws.slug}/avatar.svg` },
  };
}

export function workspaceAccessJson(core: Core, ws: SeedWorkspace, administrator: boolean) {
  return {
    type: "workspace_access",
    administrator,
    workspace: { type: "workspace_base", uuid: ws.uuid, slug: ws.slug, name: ws.name, links: workspaceLinks(core, ws) },
    links: { self: { href: `${api(core)}/user/workspaces/${ws.slug}/permission` } },
  };
}

export function repositoryJson(core: Core, ws: SeedWorkspace, r: SeedRepo) {
  const project = PROJECTS[ws.slug]?.find((p) => p.key === r.projectKey) ?? { key: r.projectKey, name: r.projectKey };
  const host = new URL(core.publicUrl).hostname;
  const full = `${ws.slug}/${r.slug}`;
  return {
    type: "repository",
    uuid: r.uuid,
    full_name: full,
    slug: r.slug,
    name: r.name,
    description: r.description,
    is_private: r.isPrivate,
    scm: "git",
    fork_policy: r.isPrivate ? "no_public_forks" : "allow_forks",
    language: r.language,
    size: r.size,
    has_issues: false,
    has_wiki: false,
    created_on: r.createdOn,
    updated_on: r.updatedOn,
    mainbranch: { type: "branch", name: r.mainbranch },
    project: {
      type: "project", key: project.key, name: project.name, uuid: stableUuid(`project:${ws.slug}/${project.key}`),
      links: { html: { href: `${core.publicUrl}/${ws.slug}/workspace/projects/${project.key}` } },
    },
    workspace: { type: "workspace", slug: ws.slug, name: ws.name, uuid: ws.uuid, links: workspaceLinks(core, ws) },
    links: {
      self: { href: `${api(core)}/repositories/${full}` },
      html: { href: `${core.publicUrl}/${full}` },
      avatar: { href: `${core.publicUrl}/account/${ws.slug}/avatar.svg` },
      clone: [
        { name: "https", href: `${core.publicUrl}/${full}.git` },
        { name: "ssh", href: `git@${host}:${full}.git` },
      ],
    },
  };
}
