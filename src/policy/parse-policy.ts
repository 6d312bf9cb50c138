/**
 * Validates one IAM policy document (§10.7 item 2) and turns it into PolicyStatements. Bad input throws
 * ConfigError naming the file, the JSON path and the fix, so `check` exits 2.
 */
import { ConfigError } from '../event/errors.js';
import type { ConditionEntry, InputKind, Policy, PolicyPrincipal, PolicyStatement } from './types.js';

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function join(prefix: string, field: string): string {
  return prefix ? `${prefix}.${field}` : field;
}

/** A policy document may arrive as an object, a JSON string, or URL-encoded JSON (the IAM API's form). */
export function decodePolicyDocument(value: unknown, file: string, path: string): Record<string, unknown> {
  let doc = value;
  if (typeof doc === 'string') {
    const text = doc.trimStart().startsWith('{') ? doc : safeDecode(doc);
    try {
      doc = JSON.parse(text);
    } catch (err) {
      throw new ConfigError(file, path, `is a string that is not a JSON policy document (${(err as Error).message}); give the document itself`);
    }
  }
  if (!isObject(doc)) {
    throw new ConfigError(file, path, 'must be a policy document object with a "Statement"');
  }
  return doc;
}

function safeDecode(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
}

function stringList(value: unknown, file: string, path: string, allowScalars: boolean): string[] {
  const items = Array.isArray(value) ? value : [value];
  if (Array.isArray(value) && value.length === 0) {
    throw new ConfigError(file, path, 'is an empty list; give at least one value');
  }
  return items.map((item, i) => {
    if (typeof item === 'string') return item;
    if (allowScalars && (typeof item === 'boolean' || typeof item === 'number')) return String(item);
    const where = Array.isArray(value) ? `${path}[${i}]` : path;
    throw new ConfigError(file, where, `must be a string or a list of strings; got ${JSON.stringify(item)}`);
  });
}

function parsePrincipal(value: unknown, file: string, path: string): PolicyPrincipal {
  const principal: PolicyPrincipal = { any: false, service: [], aws: [], federated: [] };
  if (value === '*') {
    principal.any = true;
    return principal;
  }
  if (!isObject(value)) {
    throw new ConfigError(file, path, 'must be "*" or an object such as {"Service": ["lambda.amazonaws.com"]}');
  }
  for (const [name, entry] of Object.entries(value)) {
    const list = stringList(entry, file, `${path}.${name}`, false);
    if (name === 'Service') principal.service.push(...list);
    else if (name === 'AWS') {
      principal.aws.push(...list);
      if (list.includes('*')) principal.any = true;
    } else if (name === 'Federated') principal.federated.push(...list);
    else if (name !== 'CanonicalUser') {
      throw new ConfigError(file, `${path}.${name}`, 'is not a principal type; use Service, AWS, Federated or CanonicalUser');
    }
  }
  return principal;
}

const SET_PREFIX = /^(ForAnyValue|ForAllValues):/i;

function parseConditions(value: unknown, file: string, path: string): ConditionEntry[] {
  if (value === undefined) return [];
  if (!isObject(value)) {
    throw new ConfigError(file, path, 'must be an object of operators, e.g. {"StringEquals": {"iam:AWSServiceName": "…"}}');
  }
  const entries: ConditionEntry[] = [];
  for (const [operator, block] of Object.entries(value)) {
    const opPath = `${path}.${operator}`;
    if (!isObject(block)) {
      throw new ConfigError(file, opPath, 'must be an object mapping condition keys to values');
    }
    let rest = operator;
    let set: ConditionEntry['set'];
    const prefix = SET_PREFIX.exec(rest);
    if (prefix) {
      set = prefix[1]!.toLowerCase() === 'foranyvalue' ? 'ForAnyValue' : 'ForAllValues';
      rest = rest.slice(prefix[0].length);
    }
    const ifExists = rest.endsWith('IfExists');
    const base = ifExists ? rest.slice(0, -'IfExists'.length) : rest;
    for (const [key, values] of Object.entries(block)) {
      entries.push({
        operator,
        base,
        ifExists,
        set,
        key,
        lowerKey: key.toLowerCase(),
        values: stringList(values, file, `${opPath}.${key}`, true),
      });
    }
  }
  return entries;
}

/**
 * §10.7 item 2. `trust` policies carry Principal and no Resource; identity policies the other way round.
 * `prefix` is the JSON path of the document inside the file (empty for a bare document).
 */
export function parsePolicyDocument(
  doc: Record<string, unknown>,
  options: { file: string; prefix: string; name: string; kind: InputKind; trust?: boolean },
): Policy {
  const { file, prefix } = options;
  const raw = doc.Statement;
  const statementPath = join(prefix, 'Statement');
  if (raw === undefined) {
    throw new ConfigError(file, statementPath, 'is missing; an IAM policy document needs "Statement" (an object or a list)');
  }
  if (!Array.isArray(raw) && !isObject(raw)) {
    throw new ConfigError(file, statementPath, 'must be a statement object or a list of statement objects');
  }
  const list = Array.isArray(raw) ? raw : [raw];
  const statements = list.map((item, index) => {
    const path = Array.isArray(raw) ? `${statementPath}[${index}]` : statementPath;
    if (!isObject(item)) throw new ConfigError(file, path, 'must be a statement object');
    return parseStatement(item, file, path, options.trust === true);
  });
  return { file, name: options.name, kind: options.kind, statements };
}

function parseStatement(item: Record<string, unknown>, file: string, path: string, trust: boolean): PolicyStatement {
  const effect = item.Effect;
  if (effect !== 'Allow' && effect !== 'Deny') {
    throw new ConfigError(file, `${path}.Effect`, `must be exactly "Allow" or "Deny"; got ${JSON.stringify(effect)}`);
  }
  const sid = typeof item.Sid === 'string' && item.Sid !== '' ? item.Sid : undefined;
  const statement: PolicyStatement = {
    file,
    label: sid ? `Sid "${sid}" (${path})` : path,
    path,
    sid,
    effect,
    conditions: parseConditions(item.Condition, file, `${path}.Condition`),
  };
  exactlyOne(item, 'Action', 'NotAction', file, path);
  if (item.Action !== undefined) statement.actions = stringList(item.Action, file, `${path}.Action`, false);
  else statement.notActions = stringList(item.NotAction, file, `${path}.NotAction`, false);
  if (trust) {
    if (item.Principal === undefined && item.NotPrincipal === undefined) {
      throw new ConfigError(file, path, 'a trust policy statement needs "Principal", e.g. {"Service": "edgelambda.amazonaws.com"}');
    }
    if (item.Principal !== undefined) statement.principal = parsePrincipal(item.Principal, file, `${path}.Principal`);
    if (item.NotPrincipal !== undefined) {
      statement.notPrincipal = parsePrincipal(item.NotPrincipal, file, `${path}.NotPrincipal`);
    }
  } else {
    exactlyOne(item, 'Resource', 'NotResource', file, path);
    if (item.Resource !== undefined) statement.resources = stringList(item.Resource, file, `${path}.Resource`, false);
    else statement.notResources = stringList(item.NotResource, file, `${path}.NotResource`, false);
  }
  return statement;
}

function exactlyOne(item: Record<string, unknown>, a: string, b: string, file: string, path: string): void {
  const hasA = item[a] !== undefined;
  const hasB = item[b] !== undefined;
  if (hasA && hasB) throw new ConfigError(file, path, `has both "${a}" and "${b}"; keep one`);
  if (!hasA && !hasB) throw new ConfigError(file, path, `needs "${a}" (or "${b}")`);
}
