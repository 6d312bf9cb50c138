import { relative } from 'node:path';
import { isObject } from '../../../config/index.js';
import { SourceError } from '../../source-error.js';
import { computedAttributes } from './computed-attributes.js';
import { evaluateBody } from './evaluate-body.js';
import { entriesOf, withNames, type EvalContext } from './evaluate-expression.js';
import { ExpressionError } from './expression-error.js';
import type { ModuleBlock, ModuleFiles } from './read-module-files.js';
import { LazyObject, Unknown } from './values.js';

/** A module directory with its local child modules read; a registry (or git) child is kept by its source. */
export interface ModuleTree {
  files: ModuleFiles;
  children: Map<string, ModuleTree | { registry: string }>;
}

/** One resource or data source instance: its address and its arguments, read as they are used. */
export interface ResourceInstance {
  address: string;
  mode: 'managed' | 'data';
  type: string;
  block: ModuleBlock;
  object: LazyObject;
}

// Meta-arguments (tf:language/meta-arguments) and the provisioner blocks: not the resource's own arguments.
const META = new Set(['count', 'for_each', 'depends_on', 'lifecycle', 'provider', 'provisioner', 'connection', 'dynamic']);
const SHOW_JSON_HINT = 'or import the JSON of a plan instead: `terraform plan -out plan.out && terraform show -json plan.out > plan.json`';

/**
 * One module of a Terraform configuration, evaluated as it is read: `var`, `local`, `module`, `data`, `path` and
 * resources by type, each value computed on first use (so what the distribution does not use never has to
 * evaluate), with cycles reported. Errors become SourceErrors naming the file, the line and the block.
 */
export class ModuleInstance {
  readonly context: EvalContext;
  private readonly active = new Set<string>();
  private readonly children = new Map<string, ModuleInstance>();
  private readonly instanceCache = new Map<string, { value: unknown; instances: ResourceInstance[] }>();

  constructor(
    private readonly tree: ModuleTree,
    rootDir: string,
    /** `''` for the root module, `module.NAME.` for a child. */
    private readonly prefix: string,
    /** A variable's value given from outside (the parent's module block, or tfvars and --var); undefined if none. */
    private readonly input: (name: string) => { value: unknown } | undefined,
    files: Set<string>,
  ) {
    const roots: Record<string, () => unknown> = {
      var: () => this.lazy([...tree.files.variables.keys()], (name) => this.variable(name), 'var'),
      local: () => this.lazy([...tree.files.locals.keys()], (name) => this.local(name), 'local'),
      module: () => this.lazy([...tree.children.keys()], (name) => this.moduleOutputs(name), 'module'),
      data: () => this.lazy(this.typesOf(tree.files.data), (type) => this.byName('data', type), 'data'),
      path: () => ({ module: relative(rootDir, tree.files.dir) || '.', root: '.', cwd: rootDir }),
      terraform: () => ({ workspace: 'default' }),
    };
    const resourceTypes = new Set(this.typesOf(tree.files.resources));
    this.context = {
      rootDir,
      files,
      lookup: (name) => {
        if (Object.hasOwn(roots, name)) return roots[name]!();
        if (resourceTypes.has(name)) return this.byName('managed', name);
        throw new ExpressionError(`"${name}" is not a name this module declares (no such resource type, and not var, local, module, data, path, count or each)`);
      },
    };
  }

  private lazy(names: string[], read: (name: string) => unknown, label: string): LazyObject {
    return new LazyObject(read, () => names, `${this.prefix}${label}`);
  }

  private typesOf(blocks: Map<string, ModuleBlock>): string[] {
    return [...new Set([...blocks.keys()].map((key) => key.slice(0, key.indexOf('.'))))];
  }

  /** Runs `read` for a block's value, with cycle detection; an ExpressionError gets the block's file and line. */
  private located<T>(block: ModuleBlock, key: string | undefined, label: string, read: () => T): T {
    const id = `${label}#${key ?? ''}`;
    if (this.active.has(id)) throw new ExpressionError(`${label} refers to itself`);
    this.active.add(id);
    try {
      return read();
    } catch (error) {
      if (!(error instanceof ExpressionError)) throw error;
      const loc = block.doc.at(...block.keys, ...(key === undefined ? [] : [key]));
      const fix = error.afterApply ? SHOW_JSON_HINT : 'fix the expression, or give the value as a variable (--var NAME=VALUE)';
      throw new SourceError('NoDistribution', block.doc.file, block.doc.where(loc), `${label}${key ? `.${key}` : ''}: ${error.message}; ${fix}.`);
    } finally {
      this.active.delete(id);
    }
  }

  private variable(name: string): unknown {
    const block = this.tree.files.variables.get(name)!;
    return this.located(block, undefined, `${this.prefix}var.${name}`, () => {
      const given = this.input(name);
      if (given) return given.value;
      if ('default' in block.body) return evaluateBody(block.body.default, this.context);
      throw new ExpressionError(
        this.prefix ? `the module block gives no value and the variable has no default` : `has no value: give --var ${name}=VALUE (or "variables" in the config's "from"), a terraform.tfvars entry or a default`,
      );
    });
  }

  private local(name: string): unknown {
    const block = this.tree.files.locals.get(name)!;
    return this.located(block, undefined, `${this.prefix}local.${name}`, () => evaluateBody(block.body.value, this.context));
  }

  /** A child module's outputs; its variables come from the module block's arguments, evaluated here. */
  private child(name: string): ModuleInstance {
    const existing = this.children.get(name);
    if (existing) return existing;
    const block = this.tree.files.modules.get(name)!;
    const tree = this.tree.children.get(name)!;
    const label = `${this.prefix}module.${name}`;
    if ('registry' in tree) {
      throw new ExpressionError(`${label} uses "${tree.registry}", which is not a local module: edge-dev reads modules whose source starts with ./ or ../ only`, true);
    }
    if ('count' in block.body || 'for_each' in block.body) throw new ExpressionError(`${label}: count and for_each on a module are not read`, true);
    const instance = new ModuleInstance(
      tree,
      this.context.rootDir,
      `${label}.`,
      (variable) => (variable in block.body && !META.has(variable) ? { value: this.located(block, variable, label, () => evaluateBody(block.body[variable], this.context)) } : undefined),
      this.context.files,
    );
    this.children.set(name, instance);
    return instance;
  }

  private moduleOutputs(name: string): LazyObject {
    const child = this.child(name);
    const outputs = child.tree.files.outputs;
    return new LazyObject(
      (output) => {
        const block = outputs.get(output)!;
        return child.located(block, 'value', `module.${name}.${output}`, () => evaluateBody(block.body.value, child.context));
      },
      () => [...outputs.keys()],
      `${this.prefix}module.${name}`,
    );
  }

  /** `TYPE` as a value: an object of its names, each an instance, a list (count) or a map (for_each) of them. */
  private byName(mode: 'managed' | 'data', type: string): LazyObject {
    const blocks = mode === 'managed' ? this.tree.files.resources : this.tree.files.data;
    const names = [...blocks.keys()].filter((key) => key.startsWith(`${type}.`)).map((key) => key.slice(type.length + 1));
    return this.lazy(names, (name) => this.expand(mode, type, name).value, `${mode === 'data' ? 'data.' : ''}${type}`);
  }

  /** tf:language/meta-arguments/count, for_each: the instances of one block, and its value for references. */
  private expand(mode: 'managed' | 'data', type: string, name: string): { value: unknown; instances: ResourceInstance[] } {
    const key = `${mode}.${type}.${name}`;
    const cached = this.instanceCache.get(key);
    if (cached) return cached;
    const block = (mode === 'managed' ? this.tree.files.resources : this.tree.files.data).get(`${type}.${name}`)!;
    const address = `${this.prefix}${mode === 'data' ? 'data.' : ''}${type}.${name}`;
    const make = (suffix: string, names: Record<string, unknown>): ResourceInstance => {
      const context = withNames(this.context, names);
      const args = Object.keys(block.body).filter((arg) => !META.has(arg));
      const dynamic = isObject(block.body.dynamic) ? Object.keys(block.body.dynamic) : [];
      const label = `${address}${suffix}`;
      const argument = (arg: string) => (args.includes(arg) || dynamic.includes(arg) ? object.get(arg) : undefined);
      const computed = computedAttributes(mode, type, argument);
      const object: LazyObject = new LazyObject(
        (arg) => {
          if (dynamic.includes(arg)) return this.located(block, arg, label, () => evaluateBody({ [arg]: block.body[arg] ?? [], dynamic: { [arg]: (block.body.dynamic as Record<string, unknown>)[arg] } }, context) as Record<string, unknown>)[arg];
          if (args.includes(arg)) return this.located(block, arg, label, () => evaluateBody(block.body[arg], context));
          return computed[arg]?.() ?? new Unknown(`${label}.${arg}`);
        },
        () => [...new Set([...args, ...dynamic, ...Object.keys(computed)])],
        label,
        true,
      );
      return { address: label, mode, type, block, object };
    };
    let result: { value: unknown; instances: ResourceInstance[] };
    if ('count' in block.body) {
      const count = this.located(block, 'count', address, () => {
        const value = evaluateBody(block.body.count, this.context);
        if (typeof value !== 'number') throw new ExpressionError(`is ${value instanceof Unknown ? `${value.reference}, known only after apply` : JSON.stringify(value)}`, value instanceof Unknown);
        return value;
      });
      const instances = Array.from({ length: count }, (_, i) => make(`[${i}]`, { count: { index: i } }));
      result = { value: instances.map((i) => i.object), instances };
    } else if ('for_each' in block.body) {
      const collection = this.located(block, 'for_each', address, () => {
        const value = evaluateBody(block.body.for_each, this.context);
        if (value instanceof Unknown) throw new ExpressionError(`is ${value.reference}, known only after apply`, true);
        return value;
      });
      const instances = entriesOf(collection, `${address} for_each`).map(([k, v]) => {
        const each = Array.isArray(collection) ? { key: v, value: v } : { key: k, value: v };
        return [String(each.key), make(`[${JSON.stringify(String(each.key))}]`, { each })] as const;
      });
      result = { value: Object.fromEntries(instances.map(([k, i]) => [k, i.object])), instances: instances.map(([, i]) => i) };
    } else {
      const instance = make('', {});
      result = { value: instance.object, instances: [instance] };
    }
    this.instanceCache.set(key, result);
    return result;
  }

  /** Every instance of the given types in this module and its local child modules (registry modules are skipped). */
  instancesOf(types: ReadonlySet<string>): ResourceInstance[] {
    const own = (['managed', 'data'] as const).flatMap((mode) =>
      [...(mode === 'managed' ? this.tree.files.resources : this.tree.files.data).keys()]
        .filter((key) => types.has(key.slice(0, key.indexOf('.'))))
        .flatMap((key) => {
          const dot = key.indexOf('.');
          return this.expand(mode, key.slice(0, dot), key.slice(dot + 1)).instances;
        }),
    );
    const children = [...this.tree.children.entries()].flatMap(([name, tree]) =>
      'registry' in tree ? [] : this.located(this.tree.files.modules.get(name)!, undefined, `${this.prefix}module.${name}`, () => this.child(name).instancesOf(types)),
    );
    return [...own, ...children];
  }
}
