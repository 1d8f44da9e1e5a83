/**
 * The only way a secret reaches a message: at most its first 4 characters and its length,
 * e.g. `AKIA…(20 chars)`. Short values show fewer characters so a mask never reveals a quarter or
 * more of the secret.
 */
export function maskSecret(secret: string): string {
  const length = [...secret].length;
  const shown = Math.min(4, Math.floor(length / 4));
  return `${[...secret].slice(0, shown).join('')}…(${length} chars)`;
}
