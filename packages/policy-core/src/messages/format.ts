/** Values a message's arguments take: stable keys, names and numbers (never a label: see localizeParams). */
export type MessageParams = Readonly<Record<string, string | number>>;

/**
 * Formats the small subset of ICU MessageFormat that policy-core's reasons and issues use, so that
 * policy-core can give every reason and issue its English `message` without a runtime dependency:
 * plain arguments (`{name}`, the value as `String(value)`) and `{name, select, A {…} other {…}}`
 * (nested to any depth). Anything else — plural, number, date, apostrophe quoting — throws, as does
 * a missing argument or a select without a matching case or `other`. messages.test.ts checks that it
 * agrees with intl-messageformat on every reason and issue of both catalogues. Consumers with a
 * full ICU formatter (the API, the admin) use theirs.
 */
export function formatPlain(message: string, params: MessageParams): string {
  let out = '';
  let i = 0;
  while (i < message.length) {
    const ch = message[i]!;
    if (ch === '}') throw new SyntaxError(`Unbalanced "}" at ${i} in: ${message}`);
    if (ch !== '{') {
      out += ch;
      i += 1;
      continue;
    }
    const close = closingBrace(message, i);
    out += argument(message.slice(i + 1, close), params);
    i = close + 1;
  }
  return out;
}

function closingBrace(s: string, open: number): number {
  let depth = 0;
  for (let i = open; i < s.length; i += 1) {
    if (s[i] === '{') depth += 1;
    else if (s[i] === '}') {
      depth -= 1;
      if (depth === 0) return i;
    }
  }
  throw new SyntaxError(`Unbalanced "{" at ${open} in: ${s}`);
}

function valueOf(params: MessageParams, name: string): string {
  if (!/^\w+$/.test(name)) throw new SyntaxError(`Bad argument name "${name}".`);
  const value = params[name];
  if (value === undefined) throw new RangeError(`The message needs the argument "${name}".`);
  return String(value);
}

function argument(body: string, params: MessageParams): string {
  const first = body.indexOf(',');
  if (first < 0) return valueOf(params, body.trim());
  const value = valueOf(params, body.slice(0, first).trim());
  const second = body.indexOf(',', first + 1);
  const type = body.slice(first + 1, second < 0 ? undefined : second).trim();
  if (type !== 'select' || second < 0) throw new SyntaxError(`Unsupported argument type "${type}".`);
  const cases = new Map<string, string>();
  const rest = body.slice(second + 1);
  let i = 0;
  while (i < rest.length) {
    if (/\s/.test(rest[i]!)) {
      i += 1;
      continue;
    }
    const open = rest.indexOf('{', i);
    if (open < 0) throw new SyntaxError(`A select case without a message in: ${body}`);
    const key = rest.slice(i, open).trim();
    const close = closingBrace(rest, open);
    cases.set(key, rest.slice(open + 1, close));
    i = close + 1;
  }
  const chosen = cases.get(value) ?? cases.get('other');
  if (chosen === undefined) throw new SyntaxError(`A select without "other" in: ${body}`);
  return formatPlain(chosen, params);
}
