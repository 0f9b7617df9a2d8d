const escape = (text: string) => text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

const style = `body{font-family:system-ui,sans-serif;background:#f8fafc;color:#0f172a;display:grid;place-items:center;min-height:100vh;margin:0}
main{max-width:32rem;background:#fff;border:1px solid #e2e8f0;border-radius:1rem;padding:2rem}h1{font-size:1.25rem}a{color:#0055cc}
button{background:#0c66e4;color:#fff;border:0;border-radius:.375rem;padding:.6rem 1rem;font-size:1rem;cursor:pointer}`;

/**
 * A small self-contained page for route handlers that answer a browser outside the app's
 * layout (the OAuth callback, the Connect confirmation). Every value is escaped.
 */
export function plainPage(options: {
  title: string;
  paragraphs: string[];
  status: number;
  alert?: boolean;
  form?: { action: string; button: string };
}): Response {
  const form = options.form
    ? `<form method="post" action="${escape(options.form.action)}"><button type="submit">${escape(options.form.button)}</button></form>`
    : "";
  const body = `<!doctype html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1">
<title>${escape(options.title)} · vcs-connect</title><style>${style}</style></head>
<body><main${options.alert ? ' role="alert"' : ""}><h1>${escape(options.title)}</h1>${options.paragraphs.map((p) => `<p>${escape(p)}</p>`).join("")}
${form}<p><a href="/dashboard">Back to vcs-connect</a></p></main></body></html>`;
  return new Response(body, { status: options.status, headers: { "content-type": "text/html; charset=utf-8", "cache-control": "no-store" } });
}
