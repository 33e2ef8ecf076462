import { BlockList, isIP } from "node:net";

/** Address ranges a URL fetched for a user must not reach: loopback, private, link-local, CGNAT, multicast, reserved. */
const BLOCKED = (() => {
  const b = new BlockList();
  for (const [net, bits] of [
    ["0.0.0.0", 8], ["10.0.0.0", 8], ["100.64.0.0", 10], ["127.0.0.0", 8], ["169.254.0.0", 16], ["172.16.0.0", 12],
    ["192.0.0.0", 24], ["192.0.2.0", 24], ["192.168.0.0", 16], ["198.18.0.0", 15], ["198.51.100.0", 24], ["203.0.113.0", 24],
    ["224.0.0.0", 4], ["240.0.0.0", 4],
  ] as const)
    b.addSubnet(net, bits, "ipv4");
  for (const [net, bits] of [["::", 128], ["::1", 128], ["fc00::", 7], ["fe80::", 10], ["ff00::", 8], ["64:ff9b::", 96], ["2001:db8::", 32]] as const)
    b.addSubnet(net, bits, "ipv6");
  return b;
})();

/** True when an IP address is public: not loopback, private, link-local, multicast or reserved (IPv4-mapped IPv6 included). */
export function isPublicAddress(address: string): boolean {
  const a = address.replace(/^\[|\]$/g, "");
  const v = isIP(a);
  if (v === 4) return !BLOCKED.check(a, "ipv4");
  if (v === 6) {
    const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(a);
    if (mapped) return !BLOCKED.check(mapped[1], "ipv4");
    return !BLOCKED.check(a, "ipv6");
  }
  return false;
}
