import { BlockList, isIP } from 'node:net';

/** 127.0.0.0/8, ::1 and IPv4-mapped 127.x: every address that never leaves the machine. */
const loopbackAddresses = (() => {
  const list = new BlockList();
  list.addSubnet('127.0.0.0', 8, 'ipv4');
  list.addAddress('::1', 'ipv6');
  list.addSubnet('::ffff:127.0.0.0', 104, 'ipv6');
  return list;
})();

/**
 * True when a host (a name or an address, IPv6 with or without brackets, no port) only reaches
 * this machine: `localhost` or a loopback address, parsed as an address, never matched as text
 * (so "127.0.0.1.attacker.example" is not loopback).
 * @example isLoopback('[::1]') // true
 */
export function isLoopback(host: string): boolean {
  const name = host.replace(/^\[(.*)\]$/, '$1').toLowerCase();
  if (name === 'localhost') return true;
  const family = isIP(name);
  return family !== 0 && loopbackAddresses.check(name, family === 4 ? 'ipv4' : 'ipv6');
}
