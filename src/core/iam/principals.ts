/** Reading `Principal` elements: who a statement names. */
import { alternatives, listAlternatives, valueOf } from '../intrinsics';
import { literalString, type Node } from '../ast';

export interface PrincipalEntry {
  /** `AWS`, `Service`, `Federated`, `CanonicalUser`, or `*` for `Principal: "*"`. */
  type: string;
  node: Node;
  /** The literal text, or a `!Sub`/`!Join` pattern; undefined for other intrinsics. */
  text: string | undefined;
}

export function principalEntries(principal: Node | undefined): PrincipalEntry[] {
  if (!principal) return [];
  const out: PrincipalEntry[] = [];
  for (const alt of alternatives(principal)) {
    const literal = literalString(alt);
    if (literal !== undefined) {
      out.push({ type: literal === '*' ? '*' : 'AWS', node: alt, text: literal });
      continue;
    }
    if (alt.kind !== 'map' || alt.tag) continue;
    for (const pair of alt.pairs) {
      if (typeof pair.key.value !== 'string') continue;
      for (const item of listAlternatives(pair.value)) {
        const v = valueOf(item);
        let text: string | undefined;
        if (v.kind === 'literal' && v.value !== null) text = String(v.value);
        else if (v.kind === 'sub') text = v.parts.map((p) => ('text' in p ? p.text : `\${${p.variable}}`)).join('');
        out.push({ type: pair.key.value, node: item, text });
      }
    }
  }
  return out;
}

/** `"*"` or `{AWS: "*"}`: everyone. */
export function isEveryone(entry: PrincipalEntry): boolean {
  return entry.text === '*' && (entry.type === '*' || entry.type === 'AWS');
}

/** The account a literal AWS principal names (`123456789012`, `arn:aws:iam::123456789012:root`), if literal. */
export function literalAccount(entry: PrincipalEntry): string | undefined {
  if (entry.type !== 'AWS' || entry.text === undefined) return undefined;
  if (/^\d{12}$/.test(entry.text)) return entry.text;
  const m = /^arn:[^:]+:(?:iam|sts)::(\d{12}):/.exec(entry.text);
  return m ? m[1] : undefined;
}
