/** Shannon entropy in bits per character: random base64 of 40 chars scores about 4.5–5, words and repeats far less. */
export function shannonEntropy(value: string): number {
  if (value.length === 0) return 0;
  const counts = new Map<number, number>();
  for (let i = 0; i < value.length; i++) {
    const c = value.charCodeAt(i);
    counts.set(c, (counts.get(c) ?? 0) + 1);
  }
  let bits = 0;
  for (const n of counts.values()) {
    const p = n / value.length;
    bits -= p * Math.log2(p);
  }
  return bits;
}

/** How many of lower case, upper case, digits and symbols occur. Random keys use at least three. */
export function characterClasses(value: string): number {
  let lower = 0;
  let upper = 0;
  let digit = 0;
  let other = 0;
  for (let i = 0; i < value.length; i++) {
    const c = value.charCodeAt(i);
    if (c >= 97 && c <= 122) lower = 1;
    else if (c >= 65 && c <= 90) upper = 1;
    else if (c >= 48 && c <= 57) digit = 1;
    else other = 1;
  }
  return lower + upper + digit + other;
}

/** Looks machine-generated: high entropy and mixed classes (a 40-char secret access key, a token). */
export function looksRandom(value: string, minEntropy = 4): boolean {
  return value.length >= 16 && characterClasses(value) >= 3 && shannonEntropy(value) >= minEntropy;
}
