/* Avatars come from the Bitbucket host the operator configured; a plain <img> needs no
   image-optimizer allow-list for each possible host. */
export function UserAvatar({ name, image, size = 32 }: { name: string | null; image: string | null; size?: number }) {
  const initials = (name ?? "?").split(/\s+/).map((part) => part[0]).join("").slice(0, 2).toUpperCase();
  if (!image) {
    return (
      <span
        aria-hidden
        style={{ width: size, height: size }}
        className="inline-flex items-center justify-center rounded-full bg-brand-600 text-xs font-semibold text-white"
      >
        {initials}
      </span>
    );
  }
  // eslint-disable-next-line @next/next/no-img-element
  return <img src={image} alt={name ? `${name}'s avatar` : "Avatar"} width={size} height={size} className="rounded-full" />;
}
