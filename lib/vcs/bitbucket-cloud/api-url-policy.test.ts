import { describe, expect, it } from "vitest";
import { checkApiUrlBelongsToHost } from "./api-url-policy";

const verdict = (host: string, api: string) => {
  try {
    checkApiUrlBelongsToHost(host, api);
    return "ok";
  } catch (error) {
    return (error as { code: string; field: string }).code + ":" + (error as { field: string }).field;
  }
};

describe("checkApiUrlBelongsToHost", () => {
  it.each([
    ["https://bitbucket.org", "https://api.bitbucket.org/2.0"],
    ["https://bb.example.com", "https://bb.example.com/2.0"],
    ["https://bb.example.com", "https://api.bb.example.com/2.0"],
    ["http://127.0.0.1:4100", "http://127.0.0.1:4100/2.0"],
  ])("accepts %s with %s", (host, api) => expect(verdict(host, api)).toBe("ok"));

  it.each([
    ["https://bitbucket.org", "https://bitbucket.org/2.0"],
    ["https://bitbucket.org", "https://api.bitbucket.org.evil.example/2.0"],
    ["https://bitbucket.org", "https://evil.example/2.0"],
    ["https://bb.example.com", "https://api.bitbucket.org/2.0"],
    ["https://bb.example.com", "https://evil.example.com/2.0"],
    ["https://bb.example.com", "https://api.bb.example.com.evil.example/2.0"],
    ["https://bb.example.com", "http://bb.example.com/2.0"],
    ["https://bb.example.com", "https://bb.example.com:8443/2.0"],
    ["https://example.com", "https://xapi.example.com/2.0"],
    ["http://127.0.0.1:4100", "http://127.0.0.1:4200/2.0"],
    ["http://127.0.0.1:4100", "http://localhost:4100/2.0"],
  ])("refuses %s with %s, naming the API URL", (host, api) => expect(verdict(host, api)).toBe("api_url_not_on_host:apiUrl"));
});
