/**
 * Finds where JSON text first stops being valid. Node 20's JSON.parse names a position for some
 * errors only ("Unexpected token '}', ... is not valid JSON" has none), so the config loader scans once
 * more, only after a parse has failed, to tell the user a line and column.
 */
export function jsonErrorOffset(text: string): number {
  let i = 0;
  const n = text.length;
  const skipSpace = (): void => {
    while (i < n && (text[i] === ' ' || text[i] === '\t' || text[i] === '\n' || text[i] === '\r')) i++;
  };
  const literal = (word: string): boolean => {
    if (text.startsWith(word, i)) {
      i += word.length;
      return true;
    }
    return false;
  };
  const string = (): boolean => {
    if (text[i] !== '"') return false;
    i++;
    while (i < n) {
      const c = text.charCodeAt(i);
      if (c === 0x22) {
        i++;
        return true;
      }
      if (c < 0x20) return false;
      if (c === 0x5c) {
        const e = text[i + 1];
        if (e === 'u') {
          if (!/^[0-9a-fA-F]{4}$/.test(text.slice(i + 2, i + 6))) return false;
          i += 6;
        } else if (e !== undefined && '"\\/bfnrt'.includes(e)) i += 2;
        else return false;
      } else i++;
    }
    return false;
  };
  const number = (): boolean => {
    const m = /^-?(0|[1-9][0-9]*)(\.[0-9]+)?([eE][+-]?[0-9]+)?/.exec(text.slice(i, i + 400));
    if (!m || m[0] === '' || m[0] === '-') return false;
    i += m[0].length;
    return true;
  };
  const consume = (char: string): boolean => {
    if (text[i] !== char) return false;
    i++;
    return true;
  };
  const object = (): boolean => {
    skipSpace();
    if (consume('}')) return true;
    for (;;) {
      skipSpace();
      if (!string()) return false;
      skipSpace();
      if (!consume(':') || !value()) return false;
      skipSpace();
      if (consume('}')) return true;
      if (!consume(',')) return false;
    }
  };
  const array = (): boolean => {
    skipSpace();
    if (consume(']')) return true;
    for (;;) {
      if (!value()) return false;
      skipSpace();
      if (consume(']')) return true;
      if (!consume(',')) return false;
    }
  };
  const value = (): boolean => {
    skipSpace();
    if (consume('{')) return object();
    if (consume('[')) return array();
    const c = text[i];
    if (c === '"') return string();
    if (c === 't') return literal('true');
    if (c === 'f') return literal('false');
    if (c === 'n') return literal('null');
    return number();
  };
  if (!value()) return Math.min(i, n);
  skipSpace();
  return i < n ? i : -1;
}

/** 1-based line and column of an offset. */
export function lineAndColumn(text: string, offset: number): { line: number; column: number } {
  let line = 1;
  let lineStart = 0;
  for (let k = 0; k < offset && k < text.length; k++) {
    if (text.charCodeAt(k) === 0x0a) {
      line++;
      lineStart = k + 1;
    }
  }
  return { line, column: offset - lineStart + 1 };
}
