import { isObject } from '../../../config/index.js';

/** A value Terraform knows only after apply (tf:language/expressions/references "Values Not Yet Known"), by the reference that gives it. */
export class Unknown {
  constructor(readonly reference: string) {}
}

/** The attributes of a resource, module or scope, each evaluated when first read, so an unused one never fails. */
export class LazyObject {
  private readonly cache = new Map<string, unknown>();

  constructor(
    private readonly read: (name: string) => unknown,
    readonly names: () => readonly string[],
    /** What it is, for messages: `aws_lambda_function.edge`, `module.edge`. */
    readonly label: string,
    /** Every name is an attribute (a resource: the provider's schema is not known here), unknown when not listed. */
    private readonly open = false,
  ) {}

  has(name: string): boolean {
    return this.open || this.names().includes(name);
  }

  get(name: string): unknown {
    if (!this.cache.has(name)) this.cache.set(name, this.read(name));
    return this.cache.get(name);
  }
}

/** A value with every LazyObject read: plain JSON, with Unknowns where values come after apply. */
export function force(value: unknown): unknown {
  if (value instanceof Unknown) return value;
  if (value instanceof LazyObject) return Object.fromEntries(value.names().map((name) => [name, force(value.get(name))]));
  if (Array.isArray(value)) return value.map(force);
  if (isObject(value)) return Object.fromEntries(Object.entries(value).map(([key, item]) => [key, force(item)]));
  return value;
}

/** The first Unknown in a forced value, with its JSON-like path. */
export function findUnknown(value: unknown, path = ''): { path: string; unknown: Unknown } | undefined {
  if (value instanceof Unknown) return { path, unknown: value };
  if (Array.isArray(value)) {
    for (const [i, item] of value.entries()) {
      const found = findUnknown(item, `${path}[${i}]`);
      if (found) return found;
    }
  } else if (isObject(value)) {
    for (const [key, item] of Object.entries(value)) {
      const found = findUnknown(item, path ? `${path}.${key}` : key);
      if (found) return found;
    }
  }
  return undefined;
}

/** A value's Terraform type name, for messages. */
export function typeName(value: unknown): string {
  if (value === null || value === undefined) return 'null';
  if (Array.isArray(value)) return 'tuple';
  if (value instanceof LazyObject || isObject(value)) return 'object';
  return typeof value;
}
