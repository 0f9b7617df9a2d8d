import Link from "next/link";
import { LocalTime } from "./local-time";

export type PickerRepository = {
  uuid: string;
  slug: string;
  name: string;
  fullName: string;
  isPrivate: boolean;
  mainBranch: string | null;
  updatedOn: string | null;
  projectId: string | null;
  /** Whether the connected account administers it: Bitbucket lets only admins add webhooks. */
  canAdminister: boolean;
};

const checkboxClass = "mt-0.5 size-4 shrink-0 rounded border-slate-300 accent-brand-600 disabled:opacity-60";

/**
 * One page of repositories with a checkbox each. Repositories that are projects already
 * are shown ticked, cannot be picked, and link to their project. Repositories the account
 * does not administer cannot be picked either: their webhook would be refused.
 */
export function RepositoryPicker({
  label,
  repositories,
  selected,
  onToggle,
  projectHref,
  busy,
}: {
  label: string;
  repositories: PickerRepository[];
  selected: ReadonlySet<string>;
  onToggle: (repository: PickerRepository, checked: boolean) => void;
  projectHref: (projectId: string) => string;
  busy: boolean;
}) {
  return (
    <ul aria-label={label} aria-busy={busy} className={`divide-y divide-slate-200 ${busy ? "opacity-60" : ""}`}>
      {repositories.map((repository) => {
        const id = `repository-${repository.uuid.replace(/[^a-zA-Z0-9-]/g, "")}`;
        const added = repository.projectId !== null;
        const blocked = !added && !repository.canAdminister;
        return (
          <li key={repository.uuid} data-testid="repository-option" className="flex items-start gap-3 py-3">
            <input
              id={id}
              type="checkbox"
              className={checkboxClass}
              checked={added || selected.has(repository.slug)}
              disabled={added || blocked}
              aria-describedby={blocked ? `${id}-details ${id}-access` : `${id}-details`}
              onChange={(event) => onToggle(repository, event.target.checked)}
            />
            <div className="min-w-0 flex-1">
              <label htmlFor={id} className="font-medium break-words">
                {repository.name}
              </label>
              <p id={`${id}-details`} className="text-sm break-words text-slate-600">
                {repository.fullName} · {repository.isPrivate ? "Private" : "Public"}
                {repository.updatedOn ? (
                  <>
                    {" · Updated "}
                    <LocalTime iso={repository.updatedOn} />
                  </>
                ) : null}
                {added ? " · Already a project" : null}
              </p>
              {blocked ? (
                <p id={`${id}-access`} data-testid="needs-admin" className="text-sm text-amber-800">
                  Not available: the connected account is not an admin of this repository, and Bitbucket lets only admins add the webhook.
                </p>
              ) : null}
            </div>
            {added && repository.projectId ? (
              <Link
                href={projectHref(repository.projectId)}
                aria-label={`Open project ${repository.fullName}`}
                className="shrink-0 text-sm font-medium text-brand-700 hover:underline"
              >
                Open project
              </Link>
            ) : null}
          </li>
        );
      })}
    </ul>
  );
}
