import { describe, expect, it } from "vitest";
import { open, seal, SealError, sealedKeyId, type Keyring } from "./seal";

const k1 = Buffer.alloc(32, 1);
const k2 = Buffer.alloc(32, 2);
const ring = (currentKeyId: string, keys: [string, Buffer][]): Keyring => ({ currentKeyId, keys: new Map(keys) });

describe("seal / open", () => {
  const keyring = ring("k1", [["k1", k1]]);
  const context = "vcs_connection.client_secret:conn_1";

  it("round-trips, with a fresh IV each time and no plaintext in the output", () => {
    const secret = "ATBB-canary-secret-value-1234567890";
    const a = seal(keyring, secret, context);
    const b = seal(keyring, secret, context);
    expect(a).not.toBe(b);
    expect(a).toMatch(/^v1\.k1\.[\w-]{16}\.[\w-]+\.[\w-]{22}$/);
    expect(a).not.toContain(secret);
    expect(open(keyring, a, context)).toBe(secret);
  });

  it("refuses a value moved to another record or column", () => {
    const sealed = seal(keyring, "s", context);
    expect(() => open(keyring, sealed, "vcs_connection.client_secret:conn_2")).toThrow(SealError);
    expect(() => open(keyring, sealed, "vcs_grant.access_token:conn_1")).toThrow(SealError);
  });

  it("refuses a tampered ciphertext or tag", () => {
    const parts = seal(keyring, "secret", context).split(".");
    const flip = (text: string) => (text[0] === "A" ? "B" : "A") + text.slice(1);
    for (const index of [2, 3, 4]) {
      const tampered = parts.map((part, i) => (i === index ? flip(part) : part)).join(".");
      expect(() => open(keyring, tampered, context)).toThrow(SealError);
    }
  });

  it("opens values sealed under a previous key after rotation, and seals new ones with the new key", () => {
    const old = seal(keyring, "before rotation", context);
    const rotated = ring("k2", [["k2", k2], ["k1", k1]]);
    expect(open(rotated, old, context)).toBe("before rotation");
    const fresh = seal(rotated, "after", context);
    expect(sealedKeyId(fresh)).toBe("k2");
    expect(() => open(ring("k2", [["k2", k2]]), old, context)).toThrow(/sealed with key "k1", which is not configured/);
  });

  it("refuses a truncated authentication tag", () => {
    const [v, id, iv, ciphertext, tag] = seal(keyring, "secret", context).split(".");
    const short = Buffer.from(tag!, "base64url").subarray(0, 4).toString("base64url");
    expect(() => open(keyring, [v, id, iv, ciphertext, short].join("."), context)).toThrow(SealError);
  });

  it("rejects anything that is not a sealed value", () => {
    expect(() => open(keyring, "plain-text-secret", context)).toThrow("Not a sealed value.");
  });
});
