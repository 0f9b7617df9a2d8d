"use client";

import { useEffect, useRef, useState, type ReactNode } from "react";
import { dangerButton, secondaryButton } from "./styles";

const focusRing = "focus:outline-none focus-visible:ring-2 focus-visible:ring-offset-2";

/**
 * A destructive action that asks once more: a button opens a panel saying what goes,
 * with "Yes, …" and Cancel. `children` says what happens; `failure` shows why it did not.
 * Focus moves to the panel's title when it opens and back to the button on Cancel.
 */
export function ConfirmDanger({
  id,
  open,
  openLabel,
  title,
  confirm,
  pending,
  busy,
  disabled = false,
  onConfirm,
  onCancel,
  failure,
  children,
}: {
  id: string;
  /** The button that opens the panel. */
  open: string;
  /** Its accessible name when `open` alone is ambiguous (one "Remove" per row). */
  openLabel?: string;
  title: ReactNode;
  confirm: string;
  pending: string;
  busy: boolean;
  disabled?: boolean;
  onConfirm: () => void;
  onCancel?: () => void;
  failure: ReactNode;
  children: ReactNode;
}) {
  const [confirming, setConfirming] = useState(false);
  const titleRef = useRef<HTMLParagraphElement>(null);
  const openerRef = useRef<HTMLButtonElement>(null);
  const returnFocus = useRef(false);

  useEffect(() => {
    if (confirming) titleRef.current?.focus();
    else if (returnFocus.current) openerRef.current?.focus();
  }, [confirming]);

  if (!confirming) {
    return (
      <button ref={openerRef} type="button" aria-label={openLabel} onClick={() => setConfirming(true)} className={`${secondaryButton} ${focusRing} focus-visible:ring-brand-600`}>
        {open}
      </button>
    );
  }
  return (
    <div role="group" aria-labelledby={id} className="w-full space-y-3 rounded-md border border-red-200 bg-red-50 p-3 text-sm text-red-900">
      <p id={id} ref={titleRef} tabIndex={-1} className={`font-semibold ${focusRing} focus-visible:ring-red-600`}>
        {title}
      </p>
      {children}
      {failure}
      <div className="flex flex-wrap gap-2">
        <button type="button" onClick={onConfirm} disabled={busy || disabled} className={`${dangerButton} ${focusRing} focus-visible:ring-red-600`}>
          {busy ? pending : confirm}
        </button>
        <button
          type="button"
          onClick={() => {
            returnFocus.current = true;
            setConfirming(false);
            onCancel?.();
          }}
          disabled={busy}
          className={`${secondaryButton} ${focusRing} focus-visible:ring-brand-600`}
        >
          Cancel
        </button>
      </div>
    </div>
  );
}
