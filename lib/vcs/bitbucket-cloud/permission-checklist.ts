import { SCOPES, scopeLabel } from "./scopes";

/** A permission as Bitbucket's form shows it: the checkbox "Repositories: Admin" is "Admin" under "Repositories". */
export type PermissionItem = { scope: string; group: string; label: string; checkbox: string };

/** The checkboxes to tick, in the order Bitbucket's form lists them. */
export function permissionChecklist(scopes: readonly string[]): PermissionItem[] {
  const wanted = new Set(scopes);
  return SCOPES.filter((entry) => wanted.has(entry.scope)).map((entry) => ({
    scope: entry.scope,
    group: entry.group,
    label: entry.label,
    checkbox: scopeLabel(entry.scope),
  }));
}

/** Every Bitbucket permission, grouped as on the consumer form (for the Custom choice). */
export function permissionGroups(): { group: string; items: PermissionItem[] }[] {
  const groups = new Map<string, PermissionItem[]>();
  for (const entry of SCOPES) {
    const items = groups.get(entry.group) ?? [];
    items.push({ scope: entry.scope, group: entry.group, label: entry.label, checkbox: scopeLabel(entry.scope) });
    groups.set(entry.group, items);
  }
  return [...groups].map(([group, items]) => ({ group, items }));
}
