import { z } from "zod";

/**
 * A Bitbucket workspace's slug (its ID, as in bitbucket.org/{workspace}): lowercase letters,
 * digits, - and _, starting with a letter or digit, at most 62 characters. Pure, shared
 * with the browser and the configuration.
 */
export const WORKSPACE_SLUG = /^[a-z0-9][a-z0-9_-]{0,61}$/;

/** A slug typed by a person: trimmed and lowercased (Bitbucket's slugs are), then checked, naming the field. */
export const workspaceSlugInput = z
  .string()
  .trim()
  .toLowerCase()
  .min(1, { error: "Workspace slug is required: the part after the host in your workspace’s address." })
  .max(62, { error: "Workspace slug is at most 62 characters." })
  .regex(WORKSPACE_SLUG, {
    error: "Workspace slug may hold only letters, digits, - and _, starting with a letter or digit.",
  });
