// URL ingestion through the desk refuses loopback, private, link-local and reserved addresses: by literal, by what a
// name resolves to, and on the connection itself (so a name that changes its answer cannot slip through).
import { test } from "node:test";
import assert from "node:assert/strict";
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { isPublicAddress } from "../src/server/public-address.js";
import { assertPublicHost, checkUrl, guardedFetch, type Resolver } from "../src/server/guarded-fetch.js";

test("isPublicAddress: loopback, private, link-local, CGNAT, multicast and mapped IPv6 are not public", () => {
  const table: [string, boolean][] = [
    ["8.8.8.8", true], ["93.184.216.34", true], ["2606:4700::1111", true],
    ["127.0.0.1", false], ["127.8.9.10", false], ["10.0.0.1", false], ["172.16.5.4", false], ["172.31.255.255", false], ["172.32.0.1", true],
    ["192.168.0.10", false], ["169.254.169.254", false], ["100.64.1.1", false], ["0.0.0.0", false], ["224.0.0.1", false], ["255.255.255.255", false],
    ["::1", false], ["::", false], ["fe80::1", false], ["fd12:3456::1", false], ["::ffff:127.0.0.1", false], ["::ffff:8.8.8.8", true], ["ff02::1", false],
    ["not-an-ip", false],
  ];
  for (const [ip, want] of table) assert.equal(isPublicAddress(ip), want, ip);
});

test("checkUrl: only http(s), no credentials, no literal private hosts", () => {
  assert.equal(checkUrl("https://news.example/a", false).host, "news.example");
  for (const u of ["ftp://news.example/", "file:///etc/passwd", "javascript:alert(1)", "not a url"]) assert.throws(() => checkUrl(u, false), /E_VALIDATION|cannot be ingested|not a URL/);
  assert.throws(() => checkUrl("http://user:pw@news.example/", false), /credentials/);
  for (const u of ["http://127.0.0.1/", "http://localhost:8080/", "http://app.localhost/", "http://[::1]/", "http://10.0.0.2/"]) assert.throws(() => checkUrl(u, false), /private, loopback/);
  assert.equal(checkUrl("http://127.0.0.1/", true).hostname, "127.0.0.1");
});

/** A resolver that answers every name with one address, without a network. */
const answer = (address: string, family = 4): Resolver => ((_h: string, _o: unknown, cb: (e: null, a: { address: string; family: number }[]) => void) => cb(null, [{ address, family }])) as unknown as Resolver;

test("a name that resolves to a private address is refused before fetching and on connecting", async () => {
  await assert.rejects(assertPublicHost("http://intranet.example/", false, answer("192.168.1.20")), /resolves to 192\.168\.1\.20/);
  await assertPublicHost("http://news.example/", false, answer("93.184.216.34"));
  // The connection's own lookup: a local server reached through a name that resolves to loopback is refused.
  const server = createServer((_q, r) => r.end("secret")).listen(0, "127.0.0.1");
  await new Promise((r) => server.once("listening", r));
  const port = (server.address() as AddressInfo).port;
  try {
    const f = guardedFetch({ allowPrivate: false, maxBytes: 1000, resolver: answer("127.0.0.1") });
    await assert.rejects(f(`http://rebind.example:${port}/`), /resolves to 127\.0\.0\.1/);
    const open = guardedFetch({ allowPrivate: true, maxBytes: 1000 });
    assert.equal(await (await open(`http://127.0.0.1:${port}/`)).text(), "secret");
    const tiny = guardedFetch({ allowPrivate: true, maxBytes: 3 });
    await assert.rejects(tiny(`http://127.0.0.1:${port}/`), /byte limit/);
  } finally {
    server.close();
  }
});

test("every redirect hop goes through checkUrl again, and redirects are bounded", async () => {
  const server = createServer((q, r) => {
    r.writeHead(302, { location: q.url === "/to-file" ? "file:///etc/passwd" : "/loop" });
    r.end();
  }).listen(0, "127.0.0.1");
  await new Promise((r) => server.once("listening", r));
  const port = (server.address() as AddressInfo).port;
  try {
    const open = guardedFetch({ allowPrivate: true, maxBytes: 1000 });
    await assert.rejects(open(`http://127.0.0.1:${port}/to-file`), /cannot be ingested/);
    await assert.rejects(open(`http://127.0.0.1:${port}/loop`), /more than 5 redirects/);
  } finally {
    server.close();
  }
});
