import { readFileSync } from 'node:fs';
import { extname } from 'node:path';
import { isAlias, isMap, isScalar, isSeq, LineCounter, parseDocument, type Node } from 'yaml';
import { childLocation, indexLocation, parseJsonText, rootLocation, type JsonLocation } from '../../config/index.js';
import { SourceError } from '../source-error.js';
import { SourceDocument } from './source-document.js';

/** Reads a file's text; a missing or unreadable file is UnreadableSource naming it. */
export function readSourceText(file: string): string {
  try {
    return readFileSync(file, 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    throw new SourceError('UnreadableSource', file, '', code === 'ENOENT' ? 'file not found: check the path.' : `cannot be read (${code ?? String(error)}).`);
  }
}

/**
 * CloudFormation's short forms (cfn:intrinsic-function-reference): `!Ref X` is `{ "Ref": "X" }`, `!Condition X` is
 * `{ "Condition": "X" }`, `!GetAtt A.B` is `{ "Fn::GetAtt": ["A", "B"] }`, and any other `!Name v` is `{ "Fn::Name": v }`.
 */
function longForm(tag: string, value: unknown): unknown {
  const name = tag.slice(1);
  if (name === 'Ref' || name === 'Condition') return { [name]: value };
  if (name === 'GetAtt' && typeof value === 'string') {
    const dot = value.indexOf('.');
    return { 'Fn::GetAtt': dot === -1 ? [value] : [value.slice(0, dot), value.slice(dot + 1)] };
  }
  return { [`Fn::${name}`]: value };
}

function toValue(node: Node | null, loc: JsonLocation, lines: Map<string, number>, counter: LineCounter): unknown {
  if (node === null) return null;
  if (node.range) lines.set(loc.path, counter.linePos(node.range[0]).line);
  let value: unknown;
  if (isMap(node)) {
    const object: Record<string, unknown> = {};
    for (const pair of node.items) {
      const key = isScalar(pair.key) ? String(pair.key.value) : String(pair.key);
      const keyLoc = childLocation(loc, key);
      object[key] = toValue(pair.value as Node | null, keyLoc, lines, counter);
      if (isScalar(pair.key) && pair.key.range) lines.set(keyLoc.path, counter.linePos(pair.key.range[0]).line);
    }
    value = object;
  } else if (isSeq(node)) {
    value = node.items.map((item, i) => toValue(item as Node, indexLocation(loc, i), lines, counter));
  } else if (isScalar(node)) {
    value = node.value;
  } else if (isAlias(node)) {
    value = node.toJSON();
  }
  return node.tag?.startsWith('!') && !node.tag.startsWith('!!') ? longForm(node.tag, value) : value;
}

/** YAML with CloudFormation's short-form tags, and the line of every path. */
export function parseYamlDocument(text: string, file: string): SourceDocument {
  const counter = new LineCounter();
  const doc = parseDocument(text, { lineCounter: counter, uniqueKeys: true });
  const error = doc.errors[0];
  if (error) {
    const line = error.linePos?.[0].line;
    throw new SourceError('UnreadableSource', file, line ? `line ${line}` : '', `malformed YAML: ${error.message.split('\n')[0]}. Fix the syntax there.`);
  }
  const lines = new Map<string, number>();
  return new SourceDocument(file, toValue(doc.contents as Node | null, rootLocation(file), lines, counter), lines);
}

/** A JSON or YAML file (by extension; JSON is tried first for others, as YAML is its superset). */
export function readDocument(file: string): SourceDocument {
  const text = readSourceText(file);
  const ext = extname(file).toLowerCase();
  if (ext === '.json' || (ext !== '.yaml' && ext !== '.yml' && /^\s*[{[]/.test(text))) {
    try {
      return new SourceDocument(file, parseJsonText(text, file));
    } catch (error) {
      throw new SourceError('UnreadableSource', file, '', (error as Error).message.replace(`${file}: `, ''));
    }
  }
  return parseYamlDocument(text, file);
}
