import { isObject } from '../../config/index.js';
import { convertTemplate } from '../cloudformation/convert-template.js';
import { StackReader } from '../cloudformation/stack-reader.js';
import { SourceError } from '../source-error.js';
import type { ImportOptions, SourceConfig } from '../types.js';
import { readAssembly, type AssemblyStack } from './read-assembly.js';

function hasDistribution(stack: AssemblyStack): boolean {
  const resources = isObject(stack.doc.value) && isObject(stack.doc.value.Resources) ? Object.values(stack.doc.value.Resources) : [];
  return resources.some((resource) => isObject(resource) && resource.Type === 'AWS::CloudFront::Distribution');
}

function chooseStack(path: string, stacks: AssemblyStack[], wanted: string | undefined): AssemblyStack {
  const names = (list: AssemblyStack[]) => list.map((s) => s.id).join(', ');
  if (wanted !== undefined) {
    const chosen = stacks.find((s) => s.id === wanted || s.stackName === wanted);
    if (!chosen) throw new SourceError('NoDistribution', path, '', `--stack ${wanted}: the assembly has no such stack; it has ${names(stacks)}.`);
    return chosen;
  }
  const candidates = stacks.filter(hasDistribution);
  if (candidates.length === 0) throw new SourceError('NoDistribution', path, '', `no stack of the assembly (${names(stacks)}) holds an AWS::CloudFront::Distribution.`);
  if (candidates.length > 1) throw new SourceError('NoDistribution', path, '', `${candidates.length} stacks hold distributions (${names(candidates)}): choose one with --stack NAME.`);
  return candidates[0]!;
}

/**
 * A CDK cloud assembly (what `cdk synth` writes): the distribution's stack converted as a template, with the function
 * code from the assets and the ARNs of `cloudfront.experimental.EdgeFunction` read from the us-east-1 stack's SSM
 * parameter that the `Custom::CrossRegionStringParameterReader` resource reads at deploy time (cdk:experimental/edge-function.ts).
 */
export function convertAssembly(path: string, options: ImportOptions, warnings: string[], files: string[]): SourceConfig {
  const stacks = readAssembly(path, files);
  const stack = chooseStack(path, stacks, options.stack);
  const others = stacks.filter((s) => s !== stack).map((s) => new StackReader(s.doc, options, warnings, s.stackName));
  return convertTemplate(stack.doc, options, warnings, {
    stackName: stack.stackName,
    customAttribute: (resource, attribute) => {
      if (resource.type !== 'Custom::CrossRegionStringParameterReader' || attribute !== 'FunctionArn') return undefined;
      const name = resource.properties.ParameterName;
      const value = typeof name === 'string' ? others.map((other) => other.parameterValue(name)).find((v) => v !== undefined) : undefined;
      if (value === undefined) throw stack.doc.noDistribution(resource.loc, `${resource.id} reads the SSM parameter ${String(name)}, which no stack of the assembly writes: synthesize the whole app (cdk synth) so cdk.out holds the us-east-1 stack.`);
      return value;
    },
    functionResolvers: others.map((other) => (name: string) => other.functionEntry(name)),
  });
}
