import { readFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { ConfigError } from '../event/errors.js';
import { jsonErrorOffset, lineAndColumn } from './json-error-position.js';

/** Parses JSON text; a syntax error names line and column. */
export function parseJsonText(text: string, file: string): unknown {
  const body = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  try {
    return JSON.parse(body);
  } catch (error) {
    const offset = jsonErrorOffset(body);
    const where = lineAndColumn(body, offset < 0 ? body.length : offset);
    const reason = error instanceof Error ? error.message.replace(/ in JSON at position \d+.*$/, '') : String(error);
    throw new ConfigError(
      file,
      '',
      `malformed JSON at line ${where.line}, column ${where.column}: ${reason}. ` +
        'Fix the syntax there (JSON allows no comments and no trailing commas).',
    );
  }
}

function unreadable(file: string, error: unknown, what: string): ConfigError {
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  const reason =
    code === 'ENOENT'
      ? 'file not found'
      : code === 'EISDIR'
        ? 'is a directory, not a file'
        : error instanceof Error
          ? error.message
          : String(error);
  return new ConfigError(file, '', `cannot read ${what}: ${reason}. Check the path.`);
}

export function readJsonFileSync(file: string, what = 'the file'): unknown {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (error) {
    throw unreadable(file, error, what);
  }
  return parseJsonText(text, file);
}

export async function readJsonFile(file: string, what = 'the file'): Promise<unknown> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (error) {
    throw unreadable(file, error, what);
  }
  return parseJsonText(text, file);
}
