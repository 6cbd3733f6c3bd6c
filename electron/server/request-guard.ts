/**
 * Browser mode's second line of defence, behind the token: answer only requests addressed to this
 * server by a name that cannot be rebound. A web page that makes its own host name resolve to
 * 127.0.0.1 (DNS rebinding) sends that name in `Host` and its own origin in `Origin`; both are refused.
 */
import { isIPv6 } from 'node:net';
import { networkInterfaces } from 'node:os';

const WILDCARDS = new Set(['0.0.0.0', '::', '']);

/** `host:port` as a Host header writes it: IPv6 addresses in brackets, lower case. */
function authority(host: string, port: number): string {
  return `${isIPv6(host) ? `[${host}]` : host}:${port}`.toLowerCase();
}

/** IP addresses of this machine's interfaces (for a server listening on every interface). */
function interfaceAddresses(): string[] {
  return Object.values(networkInterfaces()).flatMap((list) => (list ?? []).map((i) => i.address));
}

/**
 * The `Host` values this server answers: `127.0.0.1:PORT`, `localhost:PORT`, `[::1]:PORT` and the
 * `--host` it listens on, with the port (and without it when the port is 80, as browsers then omit
 * it). Listening on every interface (`0.0.0.0`, `::`) adds this machine's IP addresses: IP literals
 * cannot be rebound, host names other than localhost are never accepted unless given with --host.
 * @param listenHost the --host given (or 127.0.0.1)
 * @param port the port listened on
 * @param addresses interface addresses for a wildcard host (default: this machine's)
 */
export function allowedHosts(listenHost: string, port: number, addresses: () => string[] = interfaceAddresses): Set<string> {
  const names = ['127.0.0.1', 'localhost', '::1', listenHost.replace(/^\[(.*)\]$/, '$1')];
  // A link-local IPv6 address's zone (`fe80::1%eth0`) never appears in a Host header.
  if (WILDCARDS.has(listenHost)) names.push(...addresses().map((a) => a.replace(/%.*$/, '')));
  const allowed = new Set<string>();
  for (const name of names) {
    if (WILDCARDS.has(name)) continue;
    allowed.add(authority(name, port));
    if (port === 80) allowed.add(authority(name, port).replace(/:80$/, ''));
  }
  return allowed;
}

/** Whether a request's Host header names this server (see allowedHosts). A missing Host is refused. */
export function hostAllowed(host: string | undefined, allowed: ReadonlySet<string>): boolean {
  return host !== undefined && allowed.has(host.toLowerCase());
}

/**
 * Whether an API request may proceed given its Origin header: no Origin (command-line clients,
 * tests, same-origin GETs) is fine, the token still applies; otherwise it must be this server's own
 * origin, `http://` plus an allowed host. `null` (sandboxed frames, file: pages) is refused.
 */
export function originAllowed(origin: string | undefined, allowed: ReadonlySet<string>): boolean {
  if (origin === undefined) return true;
  const lower = origin.toLowerCase();
  return lower.startsWith('http://') && allowed.has(lower.slice('http://'.length));
}
