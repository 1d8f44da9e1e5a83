/**
 * A small expander for VS Code's snippet syntax (the TextMate dialect), enough to insert a snippet
 * with every placeholder at its default: `$1`, `${1}`, `${1:default}` (nested), `${1|a,b|}` (first
 * choice), `$0`, variables (`$TM_FILENAME`, `${VAR:default}`) and `\$ \} \\` escapes (plus `\, \|` in
 * choices). Like VS Code, the first placeholder of an index that has a value gives it to every other
 * occurrence of that index (mirrors).
 */

type Part =
  | { kind: 'text'; text: string }
  | { kind: 'placeholder'; index: number; children?: Part[]; choices?: string[] }
  | { kind: 'variable'; name: string; children?: Part[] };

export interface ExpandOptions {
  /** Values of snippet variables such as TM_FILENAME; unknown variables expand to their default or ''. */
  variables?: Record<string, string>;
  /** Choice to take per placeholder index (an index into its options); default the first. */
  choose?: ReadonlyMap<number, number>;
}

export interface Expansion {
  text: string;
  /** Tab stop indices in the order they appear (0 last, as VS Code visits it). */
  tabStops: number[];
  /** Indices that offer a choice. */
  choices: number[];
  /** Options of each choice, by index. */
  options: Map<number, string[]>;
  /** Indices given two different defaults (VS Code keeps the first: the second is misleading). */
  conflicts: number[];
}

export function expandSnippet(body: string, options: ExpandOptions = {}): Expansion {
  const parser = new Parser(body);
  const parts = parser.parseUntil(undefined);
  const defaults = new Map<number, Part[] | string>();
  const indices = new Set<number>();
  const choices = new Set<number>();
  const conflicts = new Set<number>();
  const optionLists = new Map<number, string[]>();
  const shape = (p: Part & { kind: 'placeholder' }) => JSON.stringify(p.choices ?? p.children ?? null);
  const firstShape = new Map<number, string>();
  walk(parts, (p) => {
    if (p.kind !== 'placeholder') return;
    indices.add(p.index);
    if (p.choices) {
      choices.add(p.index);
      if (!optionLists.has(p.index)) optionLists.set(p.index, p.choices);
    }
    if (p.choices || p.children?.length) {
      const seen = firstShape.get(p.index);
      if (seen === undefined) firstShape.set(p.index, shape(p));
      else if (seen !== shape(p)) conflicts.add(p.index);
    }
    if (defaults.has(p.index)) return;
    if (p.choices) defaults.set(p.index, p.choices[options.choose?.get(p.index) ?? 0] ?? p.choices[0]);
    else if (p.children && p.children.length > 0) defaults.set(p.index, p.children);
  });
  const render = (list: Part[]): string =>
    list
      .map((p) => {
        if (p.kind === 'text') return p.text;
        if (p.kind === 'variable') return options.variables?.[p.name] ?? (p.children ? render(p.children) : '');
        const value = defaults.get(p.index);
        return value === undefined ? '' : typeof value === 'string' ? value : render(value);
      })
      .join('');
  const sorted = [...indices].sort((a, b) => (a === 0 ? 1 : b === 0 ? -1 : a - b));
  return { text: render(parts), tabStops: sorted, choices: [...choices].sort((a, b) => a - b), options: optionLists, conflicts: [...conflicts] };
}

function walk(parts: Part[], visit: (p: Part) => void): void {
  for (const p of parts) {
    visit(p);
    if (p.kind !== 'text' && p.children) walk(p.children, visit);
  }
}

class Parser {
  private pos = 0;
  constructor(private readonly src: string) {}

  /** Parses until the closing `}` of the enclosing placeholder (consumed), or the end. */
  parseUntil(close: '}' | undefined): Part[] {
    const parts: Part[] = [];
    let text = '';
    const flush = () => {
      if (text) parts.push({ kind: 'text', text });
      text = '';
    };
    while (this.pos < this.src.length) {
      const c = this.src[this.pos];
      if (c === '\\' && '$}\\'.includes(this.src[this.pos + 1] ?? '')) {
        text += this.src[this.pos + 1];
        this.pos += 2;
      } else if (c === '}' && close) {
        this.pos++;
        flush();
        return parts;
      } else if (c === '$') {
        const part = this.parseDollar();
        if (part) {
          flush();
          parts.push(part);
        } else {
          text += c;
          this.pos++;
        }
      } else {
        text += c;
        this.pos++;
      }
    }
    if (close) throw new Error(`unclosed placeholder in snippet at ${this.pos}`);
    flush();
    return parts;
  }

  private parseDollar(): Part | undefined {
    const rest = this.src.slice(this.pos);
    let m = /^\$(\d+)/.exec(rest);
    if (m) {
      this.pos += m[0].length;
      return { kind: 'placeholder', index: Number(m[1]) };
    }
    m = /^\$([A-Z_a-z][A-Z_a-z0-9]*)/.exec(rest);
    if (m) {
      this.pos += m[0].length;
      return { kind: 'variable', name: m[1] };
    }
    m = /^\$\{(\d+)(\}|:|\|)/.exec(rest);
    if (m) {
      this.pos += m[0].length;
      const index = Number(m[1]);
      if (m[2] === '}') return { kind: 'placeholder', index };
      if (m[2] === ':') return { kind: 'placeholder', index, children: this.parseUntil('}') };
      return { kind: 'placeholder', index, choices: this.parseChoices() };
    }
    m = /^\$\{([A-Z_a-z][A-Z_a-z0-9]*)(\}|:)/.exec(rest);
    if (m) {
      this.pos += m[0].length;
      return m[2] === '}' ? { kind: 'variable', name: m[1] } : { kind: 'variable', name: m[1], children: this.parseUntil('}') };
    }
    if (rest.startsWith('${')) throw new Error(`unsupported snippet syntax (transforms?) at: ${rest.slice(0, 30)}`);
    return undefined; // a lone `$` is literal text, as in VS Code
  }

  /** After `${n|`: options separated by `,`, ended by `|}`; `\,` `\|` `\\` `\$` `\}` escape. */
  private parseChoices(): string[] {
    const options: string[] = [];
    let current = '';
    while (this.pos < this.src.length) {
      const c = this.src[this.pos];
      if (c === '\\' && ',|\\$}'.includes(this.src[this.pos + 1] ?? '')) {
        current += this.src[this.pos + 1];
        this.pos += 2;
      } else if (c === ',') {
        options.push(current);
        current = '';
        this.pos++;
      } else if (c === '|' && this.src[this.pos + 1] === '}') {
        options.push(current);
        this.pos += 2;
        return options;
      } else {
        current += c;
        this.pos++;
      }
    }
    throw new Error('unclosed choice in snippet');
  }
}
