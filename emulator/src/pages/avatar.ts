import { escapeHtml } from "../html.js";
import { stableInt } from "../random.js";

const COLORS = ["#0052cc", "#00875a", "#ff5630", "#6554c0", "#ff8b00", "#00a3bf"];

/** A small initials avatar so the app can show pictures offline. */
export function avatarSvg(seed: string, label: string): string {
  const initials = label.split(/[\s-]+/).filter(Boolean).slice(0, 2).map((w) => w[0]?.toUpperCase() ?? "").join("");
  const color = COLORS[stableInt(`avatar:${seed}`, COLORS.length)] ?? "#0052cc";
  return `<svg xmlns="http://www.w3.org/2000/svg" width="128" height="128" viewBox="0 0 128 128" role="img" aria-label="${escapeHtml(label)}">` +
    `<rect width="128" height="128" rx="64" fill="${color}"/>` +
    `<text x="64" y="64" dy=".35em" text-anchor="middle" font-family="Helvetica,Arial,sans-serif" font-size="52" fill="#fff">${escapeHtml(initials)}</text></svg>`;
}
