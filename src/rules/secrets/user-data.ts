import { walk, type ScalarNode } from '../../core/ast';
import { extractRuntimeConfig } from '../../core/model/runtime-config';
import type { Rule } from '../../core/rule';
import { detectSecrets } from '../../core/secrets/detectors';
import { maskSecret } from '../../core/secrets/mask';
import { isSecretName, judgeLiteral } from '../../core/secrets/names';
import { sourceRange } from '../../core/secrets/scan';

/** `NAME=value`, `export NAME="value"`, `$env:NAME = 'value'`, `NAME: value` in a script line. */
const ASSIGNMENT = /(?:^|[\s;&|('"])(?:export[ \t]+|set[ \t]+|\$env:)?([A-Za-z_][A-Za-z0-9_.-]*)[ \t]*(?:=|:[ \t])[ \t]*(["']?)([^\s"'`;|&<>()]+)\2(?=$|[\s;&|'"])/g;
/** `--password value`, `--db-password=value`, `--token 'value'`. */
const FLAG = /(?:^|\s)--?([a-z][a-z-]*(?:password|passwd|token|secret|api-key|apikey))(?:=|[ \t]+)(["']?)([^\s"'`;|&<>()]+)\2(?=$|[\s;&|'"])/gi;
/** MySQL's `-pSecret` (the password glued to the flag), only on a mysql/mysqladmin line. */
const MYSQL_P = /(?:^|\s)-p(["']?)([^\s"'`;|&<>()-][^\s"'`;|&<>()]*)\1/g;

const MAX_PER_SCRIPT = 20;

/** Cheap test before any expression runs: a script line can only hold a secret near these words. */
const HINT = /pass|secret|token|key|pwd|credential|mysql/i;

export const userData: Rule = {
  meta: {
    id: 'secrets/user-data',
    title: 'EC2 UserData scripts must not set passwords, tokens or keys as literals',
    defaultSeverity: 'warning',
    fixable: false,
    kinds: ['cloudformation', 'sam', 'serverless'],
  },
  check(context) {
    for (const entry of context.use(extractRuntimeConfig).entries) {
      if (entry.place !== 'user-data') continue;
      for (const node of walk(entry.node)) {
        if (node.kind !== 'scalar' || typeof node.value !== 'string' || node.value.length < 8 || !HINT.test(node.value)) continue;
        for (const hit of scriptSecrets(node.value)) {
          const at = sourceRange(context.text, node as ScalarNode, hit.value, hit.offset);
          const placeholder = hit.verdict === 'placeholder';
          context.report({
            start: at.start,
            end: at.end,
            resource: entry.owner,
            severity: placeholder ? 'info' : undefined,
            message: placeholder
              ? `${entry.location} sets ${hit.name} to a weak placeholder ${maskSecret(hit.value)}: fetch the real value at boot from Secrets Manager or SSM`
              : `${entry.location} sets ${hit.name} to a literal secret ${maskSecret(hit.value)}: UserData is readable by anyone who can describe the instance and from inside it; fetch the secret at boot from Secrets Manager or SSM (aws secretsmanager get-secret-value)`,
          });
        }
      }
    }
  },
};

interface ScriptSecret {
  name: string;
  value: string;
  offset: number;
  verdict: 'secret' | 'placeholder';
}

/** Literal secrets assigned in a script. Variables (`$X`, `${X}`, `$(...)`) and known credential shapes (reported by their own rules) are skipped. */
export function scriptSecrets(script: string): ScriptSecret[] {
  const out: ScriptSecret[] = [];
  const consider = (name: string, value: string, offset: number, quoted: boolean): void => {
    // A script that sets hundreds of secrets is generated: report the first ones, not all.
    if (out.length >= MAX_PER_SCRIPT) return;
    if (value.includes('$') || value.includes('{{') || value.includes('%')) return;
    const verdict = judgeLiteral(value);
    if (verdict === 'not-secret') return;
    // Unquoted words in a script are as often code (\`token = get_token\`) as passwords: a password has a digit or a symbol.
    if (verdict === 'secret' && !quoted && !/[0-9]|[^A-Za-z0-9._]/.test(value)) return;
    if (detectSecrets(value).length > 0) return;
    out.push({ name, value, offset, verdict });
  };
  let m: RegExpExecArray | null;
  ASSIGNMENT.lastIndex = 0;
  while (out.length < MAX_PER_SCRIPT && (m = ASSIGNMENT.exec(script)) !== null) {
    if (!isSecretName(m[1])) continue;
    consider(m[1], m[3], m.index + m[0].length - m[3].length - m[2].length, m[2] !== '');
  }
  FLAG.lastIndex = 0;
  while (out.length < MAX_PER_SCRIPT && (m = FLAG.exec(script)) !== null) {
    consider(`--${m[1].replace(/^-/, '')}`, m[3], m.index + m[0].length - m[3].length - m[2].length, m[2] !== '');
  }
  if (/mysql/.test(script)) {
    for (const line of lines(script)) {
      if (!/\bmysql(?:admin|dump)?\b/.test(line.text)) continue;
      MYSQL_P.lastIndex = 0;
      while ((m = MYSQL_P.exec(line.text)) !== null) {
        consider('the mysql -p password', m[2], line.offset + m.index + m[0].length - m[2].length - m[1].length, true);
      }
    }
  }
  return out.sort((a, b) => a.offset - b.offset);
}

function lines(text: string): { text: string; offset: number }[] {
  const out: { text: string; offset: number }[] = [];
  let start = 0;
  while (start <= text.length) {
    const end = text.indexOf('\n', start);
    const stop = end === -1 ? text.length : end;
    out.push({ text: text.slice(start, stop), offset: start });
    if (end === -1) break;
    start = end + 1;
  }
  return out;
}
