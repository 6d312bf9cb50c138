import type { JsonLocation } from '../../config/index.js';

/** One entry of a template's `Resources`. */
export interface TemplateResource {
  id: string;
  type: string;
  properties: Record<string, unknown>;
  metadata: Record<string, unknown>;
  condition?: string;
  loc: JsonLocation;
}

/** `AWS::NoValue`: the property or list item it stands for is removed. */
export const NO_VALUE: unique symbol = Symbol('AWS::NoValue');

/** Evaluates template values: the interface resource-values.ts and the converters use. */
export interface Evaluator {
  evaluate(value: unknown, loc: JsonLocation): unknown;
  /** A resource's property, evaluated (undefined when absent). */
  property(resource: TemplateResource, name: string): unknown;
  resource(id: string): TemplateResource | undefined;
  warn(loc: JsonLocation, message: string): void;
}
