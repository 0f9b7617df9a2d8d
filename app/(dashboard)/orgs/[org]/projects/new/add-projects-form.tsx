"use client";

import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useState, type FormEvent } from "react";
import { FormFailure, useFormFailure } from "@/components/form-failure";
import type { PickerRepository } from "@/components/repository-picker";
import { primaryButton, secondaryButton } from "@/components/styles";
import { DEFAULT_EVENTS, WEBHOOK_EVENTS } from "@/lib/projects/events";
import { addProjectsAction } from "../actions";
import { AddOutcomes, type Outcome } from "./add-outcomes";
import { EventsSection } from "./events-section";
import { RepositoriesSection } from "./repositories-section";
import { SourceSection, type ConnectionOption } from "./source-section";
import { useRepositoryBrowser } from "./use-repository-browser";

/**
 * Browsing a connection's repositories page by page (each page is one request to
 * Bitbucket, searched and sorted there), picking several, and adding them as projects.
 */
export function AddProjectsForm({ orgSlug, connections }: { orgSlug: string; connections: ConnectionOption[] }) {
  const queryClient = useQueryClient();
  const [selected, setSelected] = useState<Map<string, PickerRepository>>(() => new Map());
  // Another connection or workspace starts a new selection.
  const browser = useRepositoryBrowser(orgSlug, connections, () => setSelected(new Map()));
  const { connectionId, workspace } = browser;
  const [events, setEvents] = useState<Set<string>>(() => new Set(DEFAULT_EVENTS));
  const [outcomes, setOutcomes] = useState<Outcome[] | null>(null);

  const mutation = useMutation({
    mutationFn: (input: { connectionId: string; workspace: string; repositories: string[]; events: string[] }) => addProjectsAction(orgSlug, input),
    onSuccess: (result) => {
      if (!result.ok) return;
      setOutcomes(
        result.data.map((outcome) => ({ ...outcome, fullName: selected.get(outcome.slug)?.fullName ?? `${workspace}/${outcome.slug}` })),
      );
      setSelected(new Map());
      void queryClient.invalidateQueries({ queryKey: ["projects-browse", orgSlug, connectionId, "repositories"] });
    },
  });
  const { formLevel, unreachable } = useFormFailure(mutation, []);

  function toggle(repository: PickerRepository, checked: boolean) {
    setSelected((current) => {
      const next = new Map(current);
      if (checked) next.set(repository.slug, repository);
      else next.delete(repository.slug);
      return next;
    });
  }

  function toggleEvent(key: string, checked: boolean) {
    setEvents((current) => {
      const next = new Set(current);
      if (checked) next.add(key);
      else next.delete(key);
      return next;
    });
  }

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setOutcomes(null);
    mutation.mutate({ connectionId, workspace, repositories: [...selected.keys()], events: WEBHOOK_EVENTS.map((e) => e.key).filter((key) => events.has(key)) });
  }

  const count = selected.size;

  return (
    <div className="space-y-6">
      {outcomes ? <AddOutcomes orgSlug={orgSlug} outcomes={outcomes} /> : null}

      <form onSubmit={submit} noValidate className="space-y-6">
        <SourceSection connections={connections} browser={browser} />

        {workspace ? (
          <RepositoriesSection orgSlug={orgSlug} browser={browser} selected={new Set(selected.keys())} onToggle={toggle} />
        ) : null}

        {workspace ? (
          <EventsSection events={events} toggleEvent={toggleEvent} />
        ) : null}

        {workspace ? (
          <div className="space-y-3">
            <FormFailure formLevel={formLevel} unreachable={unreachable} />
            <p role="status" className="text-sm text-slate-600">
              {count === 0
                ? "No repository chosen yet."
                : `Chosen: ${[...selected.values()].map((repository) => repository.name).join(", ")}`}
              {events.size === 0 ? " Choose at least one webhook event." : ""}
            </p>
            <div className="flex flex-wrap gap-2">
              <button type="submit" className={primaryButton} disabled={count === 0 || events.size === 0 || mutation.isPending}>
                {mutation.isPending ? "Adding…" : `Add ${count} ${count === 1 ? "project" : "projects"}`}
              </button>
              {count > 0 ? (
                <button type="button" className={secondaryButton} disabled={mutation.isPending} onClick={() => setSelected(new Map())}>
                  Clear selection
                </button>
              ) : null}
            </div>
          </div>
        ) : null}
      </form>
    </div>
  );
}
