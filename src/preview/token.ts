/** The preview's per-run token travels in the fragment of the address it prints: `#token=<64 hex>`. */
const fragmentPattern = /^#token=([0-9a-f]{64})$/;

/** The address to open: the served origin, with the token where no request carries it. */
export function addressWithToken(url: string, token: string): string {
  return `${url}#token=${token}`;
}

/** The token in a `location.hash`, or null when the fragment is anything else (a route, nothing). */
export function takeTokenFromFragment(hash: string): string | null {
  return fragmentPattern.exec(hash)?.[1] ?? null;
}
