"use client";

import { useMutation } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useState, type FormEvent } from "react";
import { SubmitButton, TextField } from "@/components/form-fields";
import { FormFailure, useFormFailure } from "@/components/form-failure";
import { createOrganizationAction } from "./actions";

/** A slug suggested from the name: "Acme Corp." → "acme-corp". The server validates it. */
function suggestSlug(name: string): string {
  return name
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .slice(0, 40)
    .replace(/^-+|-+$/g, "");
}

export function CreateOrganizationForm() {
  const router = useRouter();
  const [name, setName] = useState("");
  const [slug, setSlug] = useState("");
  // Once the person edits the slug, the name no longer overwrites it.
  const [slugEdited, setSlugEdited] = useState(false);
  const create = useMutation({
    mutationFn: createOrganizationAction,
    onSuccess: (result) => {
      // A new organization has one thing to do: connect Bitbucket Cloud, so it opens on that setup.
      if (result.ok) router.push(`/orgs/${result.data.slug}/integrations/bitbucket-cloud/new`);
    },
  });
  const { formLevel, unreachable, fieldError } = useFormFailure(create, ["name", "slug"], { hints: false });
  const navigating = create.data?.ok === true;

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    create.mutate({ name, slug });
  }

  return (
    <form onSubmit={submit} noValidate className="space-y-4">
      <FormFailure formLevel={formLevel} unreachable={unreachable} />
      <div className="grid gap-4 sm:grid-cols-2">
        <TextField
          id="organization-name"
          label="Organization name"
          name="name"
          autoComplete="organization"
          required
          maxLength={80}
          value={name}
          error={fieldError("name")}
          onChange={(event) => {
            setName(event.target.value);
            if (!slugEdited) setSlug(suggestSlug(event.target.value));
          }}
        />
        <TextField
          id="organization-slug"
          label="Slug"
          name="slug"
          required
          maxLength={40}
          autoCapitalize="none"
          spellCheck={false}
          value={slug}
          error={fieldError("slug")}
          description={<>Used in addresses: /orgs/{slug || "your-slug"}</>}
          onChange={(event) => {
            setSlug(event.target.value);
            setSlugEdited(event.target.value !== ""); // cleared: follow the name again
          }}
        />
      </div>
      <SubmitButton pending={create.isPending || navigating} pendingText={navigating ? "Opening…" : "Creating…"}>
        Create organization
      </SubmitButton>
    </form>
  );
}
