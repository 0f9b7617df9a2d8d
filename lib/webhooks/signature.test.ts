import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { signBody, verifySignature } from "./signature";

const secret = fc.string({ minLength: 1, maxLength: 128 });
const body = fc.uint8Array({ maxLength: 2048 });

describe("webhook signatures", () => {
  it("accepts the true signature of any body under any secret", () => {
    fc.assert(fc.property(secret, body, (s, b) => verifySignature(s, b, signBody(s, b))));
  });

  it("rejects any change to the body", () => {
    fc.assert(
      fc.property(secret, body.filter((b) => b.length > 0), fc.nat(), fc.integer({ min: 1, max: 255 }), (s, b, index, delta) => {
        const tampered = Uint8Array.from(b);
        const at = index % b.length;
        tampered[at] = (tampered[at]! + delta) % 256;
        return !verifySignature(s, tampered, signBody(s, b));
      }),
    );
    fc.assert(fc.property(secret, body, fc.uint8Array({ minLength: 1, maxLength: 16 }), (s, b, extra) => !verifySignature(s, new Uint8Array([...b, ...extra]), signBody(s, b))));
  });

  it("rejects a signature made with any other secret", () => {
    fc.assert(fc.property(secret, secret, body, (s, other, b) => s === other || !verifySignature(s, b, signBody(other, b))));
  });

  it("rejects any change to the header", () => {
    fc.assert(
      fc.property(secret, body, fc.nat(), fc.string({ minLength: 1, maxLength: 1 }), (s, b, index, replacement) => {
        const header = signBody(s, b);
        const at = index % header.length;
        const changed = header.slice(0, at) + replacement + header.slice(at + 1);
        return changed === header || !verifySignature(s, b, changed);
      }),
    );
    fc.assert(fc.property(secret, body, fc.string({ minLength: 1, maxLength: 4 }), (s, b, extra) => !verifySignature(s, b, signBody(s, b) + extra)));
  });

  it("rejects a missing, truncated, upper-cased or differently prefixed header", () => {
    const b = new TextEncoder().encode('{"push":{}}');
    const good = signBody("s3cret", b);
    for (const header of [null, "", good.slice(0, -1), good.toUpperCase(), good.replace("sha256=", "sha1="), good.slice(7)]) {
      expect(verifySignature("s3cret", b, header)).toBe(false);
    }
    expect(verifySignature("s3cret", b, good)).toBe(true);
  });
});
