import { basename, extname } from 'node:path';
import { functionEntry } from '../shared/function-entry.js';
import type { SourceDocument } from '../shared/source-document.js';
import type { ImportOptions } from '../types.js';
import { lambdaCode } from './lambda-code.js';
import { lambdaFunctionName, physicalName } from './resource-values.js';
import { TemplateEvaluator } from './template-evaluator.js';

/**
 * What another stack of the same source gives the distribution's stack: its functions' `functions` entries and its
 * SSM parameters' values (CDK's cross-region EdgeFunction publishes its version ARN in one, cdk:experimental/edge-function.ts).
 */
export class StackReader {
  private readonly evaluator: TemplateEvaluator;

  constructor(
    private readonly doc: SourceDocument,
    private readonly options: ImportOptions,
    warnings: string[],
    stackName = basename(doc.file, extname(doc.file)),
  ) {
    this.evaluator = new TemplateEvaluator(doc, {}, stackName, warnings);
  }

  private find(type: string | Set<string>, name: string, nameOf: (id: string) => string): string | undefined {
    for (const resource of this.evaluator.resources.values()) {
      const matchesType = typeof type === 'string' ? resource.type === type : type.has(resource.type);
      if (matchesType && this.evaluator.resource(resource.id) && nameOf(resource.id) === name) return resource.id;
    }
    return undefined;
  }

  /** The `functions` entry of the Lambda function named `name`, if this stack holds it. */
  functionEntry(name: string): unknown {
    const id = this.find(new Set(['AWS::Lambda::Function', 'AWS::Serverless::Function']), name, (rid) => lambdaFunctionName(this.evaluator.resources.get(rid)!, this.evaluator));
    if (id === undefined) return undefined;
    const code = lambdaCode(this.evaluator.resources.get(id)!, name, this.evaluator, { templateFile: this.doc.file, codeDir: this.options.codeDir, globals: {} });
    return code && functionEntry(code);
  }

  /** The value of the AWS::SSM::Parameter named `name`, if this stack holds it. */
  parameterValue(name: string): unknown {
    const id = this.find('AWS::SSM::Parameter', name, (rid) => physicalName(this.evaluator.resources.get(rid)!, this.evaluator, 'Name'));
    return id === undefined ? undefined : this.evaluator.property(this.evaluator.resources.get(id)!, 'Value');
  }
}
