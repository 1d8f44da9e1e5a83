import { walk, type Node } from '../../core/ast';
import { alternatives } from '../../core/intrinsics';
import { extractRuntimeConfig, type ConfigEntry } from '../../core/model/runtime-config';
import type { RuleContext } from '../../core/rule';
import { maskSecret } from '../../core/secrets/mask';
import type { FoundCredential } from '../../core/secrets/scan';

/** The runtime-config entry each value node (and each `!If` branch) belongs to. */
export function entriesByNode(context: RuleContext): Map<Node, ConfigEntry> {
  const map = new Map<Node, ConfigEntry>();
  for (const entry of context.use(extractRuntimeConfig).entries) {
    map.set(entry.node, entry);
    for (const alt of alternatives(entry.node)) if (!map.has(alt)) map.set(alt, entry);
    // Scalars inside the value (a !Sub, a !Join, UserData under Fn::Base64) flow into the same place.
    for (const inner of walk(entry.node)) if (!map.has(inner)) map.set(inner, entry);
  }
  return map;
}

/** Value nodes holding a credential with a known shape: other secret rules leave them to the credential rules. */
export function credentialNodes(found: readonly FoundCredential[]): Set<Node> {
  return new Set(found.map((f) => f.node));
}

/** Where a credential is, in words: its runtime-config place, else the key it sits under. */
export function whereFound(entry: ConfigEntry | undefined, credential: FoundCredential): string {
  if (entry) return entry.location;
  return credential.keyName ? `value of ${credential.keyName}` : 'a value';
}

export function describeCredential(credential: FoundCredential): string {
  return `${credential.label} ${maskSecret(credential.secret)}`;
}
