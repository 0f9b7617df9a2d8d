import { z } from "zod";
import { AUDIT_GROUPS, auditCatalog, type AuditAction, type AuditGroup } from "./catalog";

/** The value of the person filter that means events nobody made: checks, refreshes, the outbox. */
export const SYSTEM_ACTOR = "system";

/** A position in the log, newest first: the time, then the id for events in the same millisecond. */
export type AuditPosition = { at: Date; id: string };

/** Opaque to readers of the URL; only this module writes and reads it. */
export const encodePosition = (position: AuditPosition) => Buffer.from(`${position.at.toISOString()}|${position.id}`).toString("base64url");

function decodePosition(value: string): AuditPosition | null {
  const [iso, id, ...rest] = Buffer.from(value, "base64url").toString("utf8").split("|");
  const at = new Date(iso ?? "");
  if (rest.length > 0 || !id || !/^[A-Za-z0-9_-]{1,64}$/.test(id) || Number.isNaN(at.getTime())) return null;
  return { at, id };
}

const FILTER_ACTIONS = [
  ...(Object.keys(AUDIT_GROUPS) as AuditGroup[]).filter((group) => group !== "instance"),
  ...(Object.keys(auditCatalog) as AuditAction[]).filter((action) => auditCatalog[action].group !== "instance"),
];

/** A search parameter given once; a repeated one (?action=a&action=b) is refused rather than guessed at. */
const single = (name: string) =>
  z
    .union([z.string(), z.array(z.string())])
    .optional()
    .refine((value) => !Array.isArray(value), { error: `${name}: give it once.` })
    // The filter form sends "" for "all"; it means no filter.
    .transform((value) => (typeof value === "string" && value !== "" ? value : undefined));

const position = (name: string) =>
  single(name).transform((value, context) => {
    if (value === undefined) return undefined;
    const decoded = decodePosition(value);
    if (!decoded) context.addIssue({ code: "custom", message: `${name}: this link's position in the log is not valid. Start again from the newest events.` });
    return decoded ?? undefined;
  });

/**
 * The Audit page's search parameters: which action (one, or a group of them) and whose
 * events, and where the page starts (`older`: after this position, `newer`: before it).
 * Each message names the filter it is about.
 */
export const auditQuery = z
  .object({
    action: single("Action filter").refine((value) => value === undefined || (FILTER_ACTIONS as string[]).includes(value), {
      error: (issue) => `Action filter: “${String(issue.input).slice(0, 60)}” is not an action the audit log records.`,
    }),
    person: single("Person filter").refine((value) => value === undefined || value === SYSTEM_ACTOR || /^[A-Za-z0-9_-]{1,64}$/.test(value), {
      error: "Person filter: this is not a person in the audit log.",
    }),
    older: position("Older page"),
    newer: position("Newer page"),
  })
  .refine((query) => !(query.older && query.newer), { error: "Page: a link goes to older or to newer events, not both." })
  .transform(({ action, person, older, newer }): AuditQuery => ({ action: action as AuditGroup | AuditAction | undefined, person, older, newer }));

/** What the page asks for; `older` and `newer` (at most one) say where the page starts. */
export type AuditQuery = { action?: AuditGroup | AuditAction; person?: string; older?: AuditPosition; newer?: AuditPosition };

/** The Audit page's address for a query: filters kept, position as given. */
export function auditHref(base: string, query: AuditQuery): string {
  const params = new URLSearchParams();
  if (query.action) params.set("action", query.action);
  if (query.person) params.set("person", query.person);
  if (query.older) params.set("older", encodePosition(query.older));
  if (query.newer) params.set("newer", encodePosition(query.newer));
  const search = params.toString();
  return search ? `${base}?${search}` : base;
}
