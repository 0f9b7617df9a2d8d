import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { pathToFileURL } from "node:url";

type Verify = (secret: string, rawBody: Buffer | string, header: string | undefined, toleranceSeconds?: number) => boolean;

/**
 * The signature check exactly as the README documents it: the code block between the
 * verify-snippet markers, written to a module and imported, unchanged.
 */
export async function readmeVerifier(): Promise<Verify> {
  const readme = readFileSync(new URL("../README.md", import.meta.url), "utf8");
  const section = /<!-- verify-snippet:start -->\s*```js\n([\s\S]*?)```\s*<!-- verify-snippet:end -->/.exec(readme);
  if (!section) throw new Error("README.md has no verify-snippet block");
  const file = join(mkdtempSync(join(tmpdir(), "vcs-connect-snippet-")), "verify.mjs");
  writeFileSync(file, section[1]!);
  const module = (await import(/* @vite-ignore */ pathToFileURL(file).href)) as { verifyVcsConnectSignature: Verify };
  return module.verifyVcsConnectSignature;
}
