const escape = (text: string) => text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

/** A plain page for callbacks that cannot be tied to a connection the caller may see. */
export function callbackErrorPage(error: { message: string; hint: string }, status: number): Response {
  const body = `<!doctype html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1">
<title>Connection not completed · vcs-connect</title>
<style>body{font-family:system-ui,sans-serif;background:#f8fafc;color:#0f172a;display:grid;place-items:center;min-height:100vh;margin:0}
main{max-width:32rem;background:#fff;border:1px solid #e2e8f0;border-radius:1rem;padding:2rem}h1{font-size:1.25rem}a{color:#0055cc}</style></head>
<body><main role="alert"><h1>Connection not completed</h1><p>${escape(error.message)}</p><p>${escape(error.hint)}</p>
<p><a href="/dashboard">Back to vcs-connect</a></p></main></body></html>`;
  return new Response(body, { status, headers: { "content-type": "text/html; charset=utf-8", "cache-control": "no-store" } });
}
