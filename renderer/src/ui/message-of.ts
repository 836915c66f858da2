/** A readable message from anything thrown: an Error's own message, else the value as text. */
export function messageOf(caught: unknown): string {
  return caught instanceof Error ? caught.message : String(caught);
}
