import { AppError } from "@/lib/errors/app-error";

/** Bitbucket sends at most 256 KB; more than that is refused before it is all read. */
export const MAX_DELIVERY_BYTES = 256 * 1024;

/** The exact raw bytes of a request body (the signature covers them), up to a cap. */
export async function readBodyCapped(request: Request, maxBytes = MAX_DELIVERY_BYTES): Promise<Uint8Array> {
  const declared = Number(request.headers.get("content-length") ?? "0");
  if (declared > maxBytes) throw new AppError("payload_too_large");
  const chunks: Uint8Array[] = [];
  let size = 0;
  const reader = request.body?.getReader();
  if (!reader) return new Uint8Array();
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > maxBytes) {
      await reader.cancel();
      throw new AppError("payload_too_large");
    }
    chunks.push(value);
  }
  const body = new Uint8Array(size);
  let offset = 0;
  for (const chunk of chunks) {
    body.set(chunk, offset);
    offset += chunk.byteLength;
  }
  return body;
}
