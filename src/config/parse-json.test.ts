import { describe, it, expect } from 'vitest';
import { ConfigError } from '../event/errors.js';
import { jsonErrorOffset, lineAndColumn } from './json-error-position.js';
import { parseJsonText } from './parse-json.js';

function errorOf(text: string): ConfigError {
  try {
    parseJsonText(text, 'edge-dev.config.json');
  } catch (error) {
    return error as ConfigError;
  }
  throw new Error('expected a ConfigError');
}

describe('parseJsonText', () => {
  it('parses valid JSON and ignores a byte-order mark', () => {
    expect(parseJsonText('\ufeff{"a": [1, true, null, "x"]}', 'f.json')).toEqual({ a: [1, true, null, 'x'] });
  });

  it('names line and column of a trailing comma', () => {
    const error = errorOf('{\n  "a": 1,\n}');
    expect(error).toBeInstanceOf(ConfigError);
    expect(error.file).toBe('edge-dev.config.json');
    expect(error.message).toContain('line 3, column 1');
    expect(error.message).toContain('trailing commas');
  });

  it('names line and column when V8 gives no position', () => {
    const error = errorOf('{\n  "a": [1,]\n}');
    expect(error.message).toContain('line 2, column 11');
  });

  it('points past the end of truncated input', () => {
    expect(errorOf('{\n "a": 1').message).toContain('line 2, column 8');
  });
});

describe('jsonErrorOffset', () => {
  it('returns -1 for valid JSON and an offset for invalid JSON', () => {
    expect(jsonErrorOffset('{"a":{"b":[1.5e3,"\\u00e9"]}}')).toBe(-1);
    expect(jsonErrorOffset('{"a":tru}')).toBe(5);
    expect(jsonErrorOffset('[1] 2')).toBe(4);
    expect(lineAndColumn('a\nbc', 3)).toEqual({ line: 2, column: 2 });
  });
});
