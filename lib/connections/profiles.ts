import { permissionChecklist, type PermissionItem } from "@/lib/vcs/bitbucket-cloud/permission-checklist";
import type { BitbucketScope } from "@/lib/vcs/bitbucket-cloud/scopes";

/**
 * What a connection is for, as the reference setup guides define it, with the exact
 * Bitbucket checkboxes each needs. `custom` lets the admin pick any scopes.
 */
export const PROFILES = {
  repository_sync: {
    label: "Repository sync with webhooks",
    description: "Read repositories, add webhooks and hear about pushes and pull requests (as documentation platforms do).",
    scopes: ["account", "repository:write", "repository:admin", "webhook"],
  },
  terraform_vcs: {
    label: "Infrastructure as code (VCS-driven runs)",
    description: "Read and write repositories, comment on pull requests and manage webhooks (as Terraform-style platforms do).",
    scopes: ["account:write", "repository:admin", "pullrequest:write", "webhook"],
  },
  read_only: {
    label: "Read-only repositories",
    description: "Read repository contents only. No webhooks, so changes are not pushed to the app.",
    scopes: ["repository"],
  },
  sign_in_only: {
    label: "Sign-in only",
    description: "Identify Bitbucket users: their account and email address. No repository access.",
    scopes: ["account", "email"],
  },
  custom: {
    label: "Custom",
    description: "Choose exactly which permissions the consumer needs.",
    scopes: [],
  },
} as const satisfies Record<string, { label: string; description: string; scopes: readonly BitbucketScope[] }>;

export type ProfileId = keyof typeof PROFILES;
export const PROFILE_IDS = Object.keys(PROFILES) as [ProfileId, ...ProfileId[]];

export type ProfileChoice = { id: ProfileId; label: string; description: string; checklist: PermissionItem[] };

export function profileChoices(): ProfileChoice[] {
  return (Object.keys(PROFILES) as ProfileId[]).map((id) => ({
    id,
    label: PROFILES[id].label,
    description: PROFILES[id].description,
    checklist: permissionChecklist(PROFILES[id].scopes),
  }));
}

export function profileLabel(profile: string): string {
  return profile in PROFILES ? PROFILES[profile as ProfileId].label : profile;
}
