import { isObject, type JsonLocation } from '../../config/index.js';
import type { SourceDocument } from '../shared/source-document.js';
import { ACCOUNT, REGION } from '../cloudformation/pseudo-parameters.js';

/** What `${opt:}`, `${env:}` and `${sls:stage}` read: `--var KEY=VALUE` first, then the environment for `env:`. */
export interface VariableSources {
  variables: Readonly<Record<string, string>>;
  env: Readonly<Record<string, string | undefined>>;
  stage(): string;
  warn(loc: JsonLocation, message: string): void;
}

const WHOLE = /^\$\{([^{}]*)\}$/;
const INNER = /\$\{([^{}]*)\}/g;

/** `source:...` with a lower-case source, which `AWS::Region` (two colons) and `LogicalId` are not. */
function isVariable(body: string): boolean {
  return /^\s*[a-z][A-Za-z0-9]*:(?!:)/.test(body);
}

/**
 * sls:variables: `${self:path}`, `${opt:name}`, `${env:NAME}`, `${sls:stage}`, `${aws:region}` and `${aws:accountId}`,
 * each with `, fallback` alternatives (another source, a quoted string or a number), nested ones resolved inside out.
 * A whole-value variable keeps its type; one inside a string is stringified. Other sources (ssm, cf, s3, file) are
 * resolved at deploy: their fallback is used, else they stay as written, with a warning naming the line.
 */
export class VariableResolver {
  private readonly resolving = new Set<string>();

  constructor(
    private readonly doc: SourceDocument,
    private readonly sources: VariableSources,
  ) {}

  /** The value at `path` of the document (`self:`), resolved. */
  self(path: string, loc: JsonLocation): unknown {
    if (this.resolving.has(path)) throw this.doc.unreadable(loc, `\${self:${path}} refers back to itself: break the cycle.`);
    this.resolving.add(path);
    try {
      let value: unknown = this.doc.value;
      for (const key of path.split('.').filter(Boolean)) value = isObject(value) ? value[key] : Array.isArray(value) ? value[Number(key)] : undefined;
      return this.resolve(value, this.doc.at(...path.split('.').filter(Boolean)));
    } finally {
      this.resolving.delete(path);
    }
  }

  /** A value with every variable in it resolved; `loc` is where it sits, for messages. */
  resolve(value: unknown, loc: JsonLocation): unknown {
    if (typeof value === 'string') return this.string(value, loc);
    if (Array.isArray(value)) return value.map((item, i) => this.resolve(item, { file: loc.file, path: `${loc.path}[${i}]` }));
    if (!isObject(value)) return value;
    const out: Record<string, unknown> = {};
    for (const [key, item] of Object.entries(value)) out[key] = this.resolve(item, { file: loc.file, path: loc.path ? `${loc.path}.${key}` : key });
    return out;
  }

  private string(text: string, loc: JsonLocation): unknown {
    let current = text;
    // Inside out: the innermost `${...}` holds no other, so one pass replaces it; CloudFormation's `${AWS::Region}`
    // and `${LogicalId}` (Fn::Sub) are not variables and stay.
    for (let guard = 0; guard < 20; guard++) {
      const whole = WHOLE.exec(current);
      if (whole && isVariable(whole[1]!)) return this.expression(whole[1]!, loc, current);
      const next = current.replace(INNER, (written, body: string) => {
        if (!isVariable(body)) return written;
        const value = this.expression(body, loc, written);
        return typeof value === 'string' ? value : JSON.stringify(value);
      });
      if (next === current) return current;
      current = next;
    }
    return current;
  }

  private expression(body: string, loc: JsonLocation, written: string): unknown {
    const alternatives = body.split(',').map((part) => part.trim());
    for (const alternative of alternatives) {
      const value = this.alternative(alternative, loc);
      if (value !== undefined && value !== null) return value;
    }
    const first = alternatives[0] ?? '';
    const source = first.slice(0, first.indexOf(':'));
    if (source === 'opt' || source === 'env') {
      throw this.doc.noDistribution(loc, `${written} has no value: give it with --var ${first.slice(4)}=VALUE, or add a default (\${${first}, 'value'}).`);
    }
    if (source === 'self') throw this.doc.noDistribution(loc, `${written}: the document has no ${first.slice(5)}; define it, or add a default (\${${first}, 'value'}).`);
    this.sources.warn(loc, `${written} is resolved at deploy (edge-dev reads self, opt, env, sls and aws variables); it stays as written: add a default (\${${first}, 'value'}) or replace it with a literal.`);
    return written;
  }

  private alternative(text: string, loc: JsonLocation): unknown {
    const quoted = /^(['"])(.*)\1$/.exec(text);
    if (quoted) return quoted[2];
    if (/^-?\d+(\.\d+)?$/.test(text)) return Number(text);
    const colon = text.indexOf(':');
    if (colon === -1) return text === '' ? undefined : text;
    const source = text.slice(0, colon);
    const name = text.slice(colon + 1);
    switch (source) {
      case 'self':
        return this.self(name, loc);
      case 'opt':
        return this.sources.variables[name];
      case 'env':
        return this.sources.variables[name] ?? this.sources.env[name];
      case 'sls':
        return name === 'stage' ? this.sources.stage() : undefined;
      case 'aws':
        return name === 'region' ? REGION : name === 'accountId' ? ACCOUNT : undefined;
      default:
        return undefined;
    }
  }
}
