import { readBodyCapped as readCapped } from "@/lib/http/read-body";

/** Bitbucket sends at most 256 KB; more than that is refused before it is all read. */
export const MAX_DELIVERY_BYTES = 256 * 1024;

/** The exact raw bytes of a delivery (the signature covers them), up to the cap. */
export function readBodyCapped(request: Request, maxBytes = MAX_DELIVERY_BYTES): Promise<Uint8Array> {
  return readCapped(request, maxBytes, "payload_too_large");
}
