"use client";

import { useEffect, useRef, useState } from "react";

/**
 * A person's Bitbucket avatar, or their initials when there is none or it cannot be shown
 * (the host is down, or not one the page's CSP allows images from: lib/http/security-headers).
 * A plain <img>: avatars come from the configured Bitbucket hosts, and the image optimizer
 * would need each of them on an allow-list too.
 */
export function UserAvatar({ name, image, size = 32 }: { name: string | null; image: string | null; size?: number }) {
  // Which address failed, so a new one (a refreshed profile) is tried again.
  const [failed, setFailed] = useState<string | null>(null);
  const img = useRef<HTMLImageElement>(null);
  // An image that failed before the page's script ran fired its error event unheard;
  // decoding it again says whether it is broken.
  useEffect(() => {
    if (img.current?.complete) img.current.decode().catch(() => setFailed(image));
  }, [image]);

  if (!image || failed === image) {
    const initials = (name ?? "?").split(/\s+/).map((part) => part[0]).join("").slice(0, 2).toUpperCase();
    return (
      <span
        aria-hidden
        style={{ width: size, height: size }}
        className="inline-flex shrink-0 items-center justify-center rounded-full bg-brand-600 text-xs font-semibold text-white"
      >
        {initials}
      </span>
    );
  }
  return (
    // eslint-disable-next-line @next/next/no-img-element
    <img
      ref={img}
      src={image}
      alt={name ? `${name}'s avatar` : "Avatar"}
      width={size}
      height={size}
      onError={() => setFailed(image)}
      className="shrink-0 rounded-full"
    />
  );
}
