/**
 * E-mail addresses as the capture compares them: trimmed and lower-cased
 * (the local part is case-insensitive at every provider people use), and
 * only when they look like an address at all.
 */
const ADDRESS = /^[^\s@<>(),;:"[\]\\]+@[^\s@<>(),;:"[\]\\]+\.[^\s@<>(),;:"[\]\\]+$/;

export function normaliseAddress(value: string | null | undefined): string | null {
  if (typeof value !== 'string') return null;
  const address = value.trim().replace(/^<(.*)>$/, '$1').toLowerCase();
  return address.length <= 320 && ADDRESS.test(address) ? address : null;
}

/** A set of addresses, each normalised; what does not look like an address is left out. */
export function addressSet(values: Iterable<string>): Set<string> {
  const set = new Set<string>();
  for (const value of values) {
    const address = normaliseAddress(value);
    if (address) set.add(address);
  }
  return set;
}
