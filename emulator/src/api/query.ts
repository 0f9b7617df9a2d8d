// A small subset of Bitbucket's filter language (BBQL) for `q`, and `sort`.
// Grammar: expr := and (OR and)* ; and := unit (AND unit)* ; unit := "(" expr ")" | field op value

export class QueryError extends Error {}

type Value = string | number | boolean | null;
type Op = "=" | "!=" | "~" | "!~" | ">" | ">=" | "<" | "<=";
type Token = { t: "word"; v: string } | { t: "str"; v: string } | { t: "op"; v: Op } | { t: "paren"; v: "(" | ")" };

export type Predicate<T> = (item: T) => boolean;
export type FieldMap<T> = Record<string, (item: T) => Value>;

function tokenize(src: string): Token[] {
  const out: Token[] = [];
  let i = 0;
  while (i < src.length) {
    const c = src[i] as string;
    if (/\s/.test(c)) { i++; continue; }
    if (c === "(" || c === ")") { out.push({ t: "paren", v: c }); i++; continue; }
    if (c === '"') {
      let s = "";
      i++;
      while (i < src.length && src[i] !== '"') {
        if (src[i] === "\\" && i + 1 < src.length) i++;
        s += src[i];
        i++;
      }
      if (i >= src.length) throw new QueryError("unterminated string literal");
      i++;
      out.push({ t: "str", v: s });
      continue;
    }
    const op = /^(!=|!~|>=|<=|=|~|>|<)/.exec(src.slice(i));
    if (op) { out.push({ t: "op", v: op[1] as Op }); i += (op[1] as string).length; continue; }
    const word = /^[A-Za-z0-9_.:+-]+/.exec(src.slice(i));
    if (!word) throw new QueryError(`unexpected character '${c}' at position ${i}`);
    out.push({ t: "word", v: word[0] });
    i += word[0].length;
  }
  return out;
}

function literal(tok: Token | undefined): Value {
  if (!tok) throw new QueryError("expected a value at the end of the query");
  if (tok.t === "str") return tok.v;
  if (tok.t === "word") {
    if (tok.v === "true") return true;
    if (tok.v === "false") return false;
    if (tok.v === "null") return null;
    if (/^-?\d+(\.\d+)?$/.test(tok.v)) return Number(tok.v);
  }
  throw new QueryError(`expected a value (a "quoted string", true, false, null or a number), got '${tok.v}'`);
}

function compare(op: Op, actual: Value, expected: Value): boolean {
  switch (op) {
    case "=": return actual === expected;
    case "!=": return actual !== expected;
    case "~":
    case "!~": {
      const hit = String(actual ?? "").toLowerCase().includes(String(expected).toLowerCase());
      return op === "~" ? hit : !hit;
    }
    default: {
      if (actual === null || expected === null) return false;
      const [a, b] = [actual as string | number, expected as string | number];
      return op === ">" ? a > b : op === ">=" ? a >= b : op === "<" ? a < b : a <= b;
    }
  }
}

export function parseQuery<T>(src: string, fields: FieldMap<T>): Predicate<T> {
  const tokens = tokenize(src);
  let pos = 0;
  const peekWord = (w: string) => {
    const tok = tokens[pos];
    return tok?.t === "word" && tok.v.toUpperCase() === w;
  };

  function unit(): Predicate<T> {
    const tok = tokens[pos++];
    if (!tok) throw new QueryError("unexpected end of query");
    if (tok.t === "paren" && tok.v === "(") {
      const inner = expr();
      const close = tokens[pos++];
      if (close?.t !== "paren" || close.v !== ")") throw new QueryError("missing closing parenthesis");
      return inner;
    }
    if (tok.t !== "word") throw new QueryError(`expected a field name, got '${tok.v}'`);
    const get = fields[tok.v];
    if (!get) throw new QueryError(`Invalid field name: ${tok.v}`);
    const opTok = tokens[pos++];
    if (opTok?.t !== "op") throw new QueryError(`expected an operator after '${tok.v}'`);
    const value = literal(tokens[pos++]);
    const op = opTok.v;
    if ((op === "~" || op === "!~") && typeof value !== "string") throw new QueryError(`'${op}' needs a "quoted string"`);
    return (item) => compare(op, get(item), value);
  }

  function and(): Predicate<T> {
    const parts = [unit()];
    while (peekWord("AND")) { pos++; parts.push(unit()); }
    return (item) => parts.every((p) => p(item));
  }

  function expr(): Predicate<T> {
    const parts = [and()];
    while (peekWord("OR")) { pos++; parts.push(and()); }
    return (item) => parts.some((p) => p(item));
  }

  const predicate = expr();
  if (pos < tokens.length) throw new QueryError(`unexpected '${tokens[pos]?.v}' at token ${pos + 1}`);
  return predicate;
}

/** `sort=name` or `sort=-updated_on`; ties broken by the given key so pages are stable. */
export function parseSort<T>(src: string, fields: FieldMap<T>, tiebreak: (item: T) => string): (a: T, b: T) => number {
  const desc = src.startsWith("-");
  const name = desc ? src.slice(1) : src;
  const get = fields[name];
  if (!get) throw new QueryError(`Invalid sort field: ${name}`);
  return (a, b) => {
    const x = norm(get(a));
    const y = norm(get(b));
    const c = x < y ? -1 : x > y ? 1 : 0;
    return (desc ? -c : c) || (tiebreak(a) < tiebreak(b) ? -1 : tiebreak(a) > tiebreak(b) ? 1 : 0);
  };
}

function norm(v: Value): string | number {
  if (typeof v === "string") return v.toLowerCase();
  if (typeof v === "number") return v;
  return v === null ? "" : v ? 1 : 0;
}
