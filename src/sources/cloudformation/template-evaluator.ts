import { childLocation, indexLocation, isObject, type JsonLocation } from '../../config/index.js';
import type { SourceDocument } from '../shared/source-document.js';
import { pseudoParameter } from './pseudo-parameters.js';
import { getAttValue, refValue } from './resource-values.js';
import { NO_VALUE, type Evaluator, type TemplateResource } from './template-types.js';

const AZS = ['us-east-1a', 'us-east-1b', 'us-east-1c'];

/**
 * Evaluates CloudFormation's intrinsic functions (cfn:intrinsic-function-reference) over the parameters (given with
 * `--parameter`, else their Default), conditions, mappings, pseudo parameters and the resources' Ref/GetAtt values.
 * Lazy: a parameter without a value is an error only when the distribution needs it.
 */
export class TemplateEvaluator implements Evaluator {
  readonly resources = new Map<string, TemplateResource>();
  private readonly conditionCache = new Map<string, boolean>();
  private readonly template: Record<string, unknown>;

  constructor(
    readonly doc: SourceDocument,
    private readonly parameters: Readonly<Record<string, string>>,
    readonly stackName: string,
    readonly warnings: string[],
    /** The values of custom resources' attributes that another source resolves (the CDK's cross-region ARNs). */
    private readonly customAttribute?: (resource: TemplateResource, attribute: string) => unknown,
  ) {
    if (!isObject(doc.value)) throw doc.unreadable(doc.root, 'is not a CloudFormation template: expected an object with "Resources".');
    this.template = doc.value;
    const resources = this.section('Resources');
    for (const [id, value] of Object.entries(resources)) {
      const loc = doc.at('Resources', id);
      if (!isObject(value) || typeof value.Type !== 'string') throw doc.unreadable(loc, 'a resource needs a "Type" string.');
      const resource: TemplateResource = {
        id,
        type: value.Type,
        properties: isObject(value.Properties) ? value.Properties : {},
        metadata: isObject(value.Metadata) ? value.Metadata : {},
        loc,
      };
      if (typeof value.Condition === 'string') resource.condition = value.Condition;
      this.resources.set(id, resource);
    }
    const declared = this.section('Parameters');
    for (const name of Object.keys(parameters)) {
      if (!(name in declared)) this.warn(doc.at('Parameters'), `--parameter ${name}: the template declares no parameter "${name}"; it is ignored.`);
    }
  }

  private section(name: string): Record<string, unknown> {
    const value = this.template[name];
    return isObject(value) ? value : {};
  }

  warn(loc: JsonLocation, message: string): void {
    this.warnings.push(this.doc.warning(loc, message));
  }

  /** Resources whose Condition holds. */
  resource(id: string): TemplateResource | undefined {
    const resource = this.resources.get(id);
    return resource && (resource.condition === undefined || this.condition(resource.condition, resource.loc)) ? resource : undefined;
  }

  property(resource: TemplateResource, name: string): unknown {
    const value = this.evaluate(resource.properties[name], childLocation(childLocation(resource.loc, 'Properties'), name));
    return value === NO_VALUE ? undefined : value;
  }

  condition(name: string, loc: JsonLocation): boolean {
    const cached = this.conditionCache.get(name);
    if (cached !== undefined) return cached;
    const conditions = this.section('Conditions');
    if (!(name in conditions)) throw this.doc.noDistribution(loc, `the condition "${name}" is not declared under Conditions.`);
    const value = Boolean(this.evaluate(conditions[name], this.doc.at('Conditions', name)));
    this.conditionCache.set(name, value);
    return value;
  }

  private parameter(name: string, loc: JsonLocation): unknown {
    const declared = this.section('Parameters')[name];
    if (!isObject(declared)) return undefined;
    const given = this.parameters[name];
    const value = given ?? (declared.Default === undefined ? undefined : String(declared.Default));
    if (value === undefined) {
      throw this.doc.noDistribution(loc, `the parameter "${name}" has no Default: give it with --parameter ${name}=VALUE (or "parameters" in the config file's "from").`);
    }
    const type = String(declared.Type ?? 'String');
    // cfn:parameters-section-structure: list types are comma-delimited strings.
    if (type === 'CommaDelimitedList' || type.startsWith('List<')) return value.split(',').map((item) => item.trim());
    if (type.startsWith('AWS::SSM::Parameter::Value') && given === undefined) {
      throw this.doc.noDistribution(loc, `the parameter "${name}" is read from SSM at deploy time (${value}): give its value with --parameter ${name}=VALUE.`);
    }
    return value;
  }

  private ref(name: string, loc: JsonLocation): unknown {
    if (name === 'AWS::NoValue') return NO_VALUE;
    const pseudo = pseudoParameter(name, this.stackName);
    if (pseudo !== undefined) return pseudo;
    const parameter = this.parameter(name, loc);
    if (parameter !== undefined) return parameter;
    // SAM (sam:sam-resource-function): `MyFunction.Version` and `MyFunction.Alias` name what AutoPublishAlias creates.
    const dot = name.indexOf('.');
    if (dot !== -1 && this.resource(name.slice(0, dot))) return this.getAtt(name.slice(0, dot), name.slice(dot + 1), loc);
    const resource = this.resource(name);
    if (!resource) throw this.doc.noDistribution(loc, `Ref "${name}" names no parameter or resource of the template${this.resources.has(name) ? ' whose Condition holds' : ''}.`);
    return refValue(resource, this);
  }

  private getAtt(id: string, attribute: string, loc: JsonLocation): unknown {
    const resource = this.resource(id);
    if (!resource) throw this.doc.noDistribution(loc, `Fn::GetAtt names "${id}", which is not a resource of the template${this.resources.has(id) ? ' whose Condition holds' : ''}.`);
    const custom = this.customAttribute?.(resource, attribute);
    return custom !== undefined ? custom : getAttValue(resource, attribute, this, loc);
  }

  private sub(template: string, variables: Record<string, unknown>, loc: JsonLocation): string {
    // cfn:intrinsic-function-reference-sub: ${Name} is a Ref, ${A.B} a GetAtt, ${!Literal} stays as ${Literal}.
    return template.replace(/\$\{([^}]*)\}/g, (_, inner: string) => {
      if (inner.startsWith('!')) return `\${${inner.slice(1)}}`;
      const name = inner.trim();
      if (name in variables) return String(this.evaluate(variables[name], loc));
      const dot = name.indexOf('.');
      const value = dot !== -1 && !name.startsWith('AWS::') ? this.getAtt(name.slice(0, dot), name.slice(dot + 1), loc) : this.ref(name, loc);
      return Array.isArray(value) ? value.join(',') : String(value);
    });
  }

  evaluate(value: unknown, loc: JsonLocation): unknown {
    if (Array.isArray(value)) {
      return value.map((item, i) => this.evaluate(item, indexLocation(loc, i))).filter((item) => item !== NO_VALUE);
    }
    if (!isObject(value)) return value;
    const keys = Object.keys(value);
    if (keys.length === 1 && (keys[0] === 'Ref' || keys[0] === 'Condition' || keys[0]!.startsWith('Fn::'))) {
      return this.intrinsic(keys[0]!, value[keys[0]!], childLocation(loc, keys[0]!));
    }
    const object: Record<string, unknown> = {};
    for (const key of keys) {
      const item = this.evaluate(value[key], childLocation(loc, key));
      if (item !== NO_VALUE) object[key] = item;
    }
    return object;
  }

  private list(value: unknown, loc: JsonLocation, length: number, name: string): unknown[] {
    const list = this.evaluateArguments(value, loc);
    if (!Array.isArray(list) || list.length < length) throw this.doc.unreadable(loc, `${name} takes a list of ${length} arguments.`);
    return list;
  }

  /** Arguments are evaluated one by one, so `Fn::If` can hold a branch that would fail. */
  private evaluateArguments(value: unknown, loc: JsonLocation): unknown {
    return Array.isArray(value) ? value.map((item, i) => this.evaluate(item, indexLocation(loc, i))) : this.evaluate(value, loc);
  }

  private intrinsic(name: string, arg: unknown, loc: JsonLocation): unknown {
    switch (name) {
      case 'Ref':
        return this.ref(String(this.evaluate(arg, loc)), loc);
      case 'Condition':
        return this.condition(String(arg), loc);
      case 'Fn::GetAtt': {
        const parts = typeof arg === 'string' ? arg.split(/\.(.*)/s).slice(0, 2) : (this.evaluateArguments(arg, loc) as unknown[]);
        if (!Array.isArray(parts) || parts.length < 2) throw this.doc.unreadable(loc, 'Fn::GetAtt takes [LogicalId, Attribute] (or "LogicalId.Attribute").');
        return this.getAtt(String(parts[0]), String(parts[1]), loc);
      }
      case 'Fn::Sub': {
        if (typeof arg === 'string') return this.sub(arg, {}, loc);
        if (!Array.isArray(arg) || typeof arg[0] !== 'string' || !isObject(arg[1])) throw this.doc.unreadable(loc, 'Fn::Sub takes a string or [String, { Var: Value }].');
        return this.sub(arg[0], arg[1], loc);
      }
      case 'Fn::If': {
        if (!Array.isArray(arg) || arg.length !== 3) throw this.doc.unreadable(loc, 'Fn::If takes [ConditionName, ValueIfTrue, ValueIfFalse].');
        const chosen = this.condition(String(arg[0]), loc) ? 1 : 2;
        return this.evaluate(arg[chosen], indexLocation(loc, chosen));
      }
      case 'Fn::Equals': {
        const [a, b] = this.list(arg, loc, 2, name);
        return JSON.stringify(a) === JSON.stringify(b) || String(a) === String(b);
      }
      case 'Fn::And':
        return (this.evaluateArguments(arg, loc) as unknown[]).every(Boolean);
      case 'Fn::Or':
        return (this.evaluateArguments(arg, loc) as unknown[]).some(Boolean);
      case 'Fn::Not':
        return !this.list(arg, loc, 1, name)[0];
      case 'Fn::Join': {
        const [delimiter, items] = this.list(arg, loc, 2, name);
        if (!Array.isArray(items)) throw this.doc.unreadable(loc, 'Fn::Join takes [Delimiter, [Values]].');
        return items.join(String(delimiter));
      }
      case 'Fn::Select': {
        const [index, items] = this.list(arg, loc, 2, name);
        if (!Array.isArray(items) || items[Number(index)] === undefined) throw this.doc.noDistribution(loc, `Fn::Select: index ${String(index)} is outside the list.`);
        return items[Number(index)];
      }
      case 'Fn::Split': {
        const [delimiter, text] = this.list(arg, loc, 2, name);
        return String(text).split(String(delimiter));
      }
      case 'Fn::FindInMap':
        return this.findInMap(this.list(arg, loc, 3, name), loc);
      case 'Fn::Base64':
        return Buffer.from(String(this.evaluate(arg, loc))).toString('base64');
      case 'Fn::GetAZs':
        return AZS;
      case 'Fn::Length': {
        const items = this.evaluate(arg, loc);
        return Array.isArray(items) ? items.length : 0;
      }
      case 'Fn::ToJsonString':
        return JSON.stringify(this.evaluate(arg, loc));
      case 'Fn::ImportValue':
        throw this.doc.noDistribution(loc, `Fn::ImportValue ${JSON.stringify(this.evaluate(arg, loc))} reads another stack's export, known only after that stack is deployed: make it a parameter of this template and give it with --parameter NAME=VALUE.`);
      default:
        throw this.doc.noDistribution(loc, `${name} is not an intrinsic function edge-dev evaluates; replace it with a parameter and --parameter NAME=VALUE.`);
    }
  }

  private findInMap([map, top, second]: unknown[], loc: JsonLocation): unknown {
    const mapping = this.section('Mappings')[String(map)];
    const entry = isObject(mapping) ? mapping[String(top)] : undefined;
    const value = isObject(entry) ? entry[String(second)] : undefined;
    if (value === undefined) throw this.doc.noDistribution(loc, `Fn::FindInMap: Mappings.${String(map)}.${String(top)}.${String(second)} does not exist.`);
    return value;
  }
}
