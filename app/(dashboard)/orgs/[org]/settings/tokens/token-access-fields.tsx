"use client";

import { API_SCOPES, SCOPE_INFO, type ApiScope } from "@/lib/access/permissions";

const legendClass = "text-sm font-medium text-slate-700";
const checkClass = "mt-0.5 h-4 w-4 shrink-0 rounded border-slate-300 text-brand-700 focus-visible:ring-2 focus-visible:ring-brand-600";

/** The scopes a new token gets; write implies read, so read is ticked and locked with it. */
export function ScopeFields({ scopes, onChange, canManage, error }: { scopes: ApiScope[]; onChange: (scopes: ApiScope[]) => void; canManage: boolean; error?: string }) {
  const has = (scope: ApiScope) => scopes.includes(scope) || (scope === "connections:read" && scopes.includes("connections:write"));
  const toggle = (scope: ApiScope, on: boolean) => onChange(API_SCOPES.filter((s) => (s === scope ? on : scopes.includes(s))));
  return (
    <fieldset aria-describedby={error ? "token-scopes-error" : "token-scopes-description"}>
      <legend className={legendClass}>What it may do</legend>
      <p id="token-scopes-description" className="mt-1 text-xs text-slate-500">
        Only “Read connections” makes a read-only token. Scopes cannot be changed later.
        {canManage ? null : " Changing and using connections also needs the admin role, which you do not have here."}
      </p>
      <div className="mt-2 space-y-2">
        {API_SCOPES.map((scope) => {
          const impliedRead = scope === "connections:read" && scopes.includes("connections:write");
          return (
            <label key={scope} className="flex items-start gap-2 text-sm">
              <input
                type="checkbox"
                name="scopes"
                value={scope}
                checked={has(scope)}
                disabled={impliedRead}
                onChange={(event) => toggle(scope, event.target.checked)}
                className={checkClass}
              />
              <span>
                <span className="font-medium">{SCOPE_INFO[scope].label}</span> <code className="text-xs text-slate-500">{scope}</code>
                <span className="block text-xs text-slate-500">
                  {SCOPE_INFO[scope].description}
                  {impliedRead ? " Included with “Change connections”." : ""}
                </span>
              </span>
            </label>
          );
        })}
      </div>
      {error ? (
        <p id="token-scopes-error" className="mt-1 text-sm text-red-700">
          {error}
        </p>
      ) : null}
    </fieldset>
  );
}

/** Every connection (null), or only the ones ticked. */
export function ConnectionFields({
  connections,
  selected,
  onChange,
  error,
}: {
  connections: { id: string; name: string }[];
  selected: string[] | null;
  onChange: (selected: string[] | null) => void;
  error?: string;
}) {
  const limited = selected !== null;
  return (
    <fieldset aria-describedby={error ? "token-connections-error" : undefined}>
      <legend className={legendClass}>Which connections</legend>
      <div className="mt-2 space-y-2 text-sm">
        <label className="flex items-center gap-2">
          <input type="radio" name="connection-limit" checked={!limited} onChange={() => onChange(null)} className={checkClass} />
          All connections, including ones added later
        </label>
        <label className="flex items-center gap-2">
          <input
            type="radio"
            name="connection-limit"
            checked={limited}
            disabled={connections.length === 0}
            onChange={() => onChange([])}
            className={checkClass}
          />
          Only the connections I choose{connections.length === 0 ? " (none exist yet)" : ""}
        </label>
        {limited ? (
          <div className="ml-6 space-y-1">
            {connections.map((connection) => (
              <label key={connection.id} className="flex items-center gap-2 break-all">
                <input
                  type="checkbox"
                  checked={selected.includes(connection.id)}
                  onChange={(event) => onChange(event.target.checked ? [...selected, connection.id] : selected.filter((id) => id !== connection.id))}
                  className={checkClass}
                />
                {connection.name}
              </label>
            ))}
          </div>
        ) : null}
      </div>
      {error ? (
        <p id="token-connections-error" className="mt-1 text-sm text-red-700">
          {error}
        </p>
      ) : null}
    </fieldset>
  );
}
