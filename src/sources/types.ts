/** The source formats `edge-dev import` reads (interface.md › Distributions from infrastructure code). */
export type SourceFormat = 'cloudformation' | 'cdk' | 'terraform' | 'terraform-json' | 'serverless' | 'distribution-config';

/** Choices and values the user gives on the command line or in the config file's `from`. */
export interface ImportOptions {
  /** `--stack`: the stack (CDK, or a serverless stage name) when the source holds several. */
  stack?: string;
  /** `--distribution`: logical ID, Terraform resource address or CDK construct path. */
  distribution?: string;
  /** `--parameter KEY=VALUE`: CloudFormation parameters. */
  parameters?: Readonly<Record<string, string>>;
  /** `--var KEY=VALUE`: Terraform variables (and serverless `${opt:}` options). */
  variables?: Readonly<Record<string, string>>;
  /** Where inline code (ZipFile, InlineCode, FunctionCode, Terraform `content`) is written as files. */
  codeDir: string;
}

/** The configuration keys a conversion yields, paths absolute. */
export interface SourceConfig {
  distribution: Record<string, unknown>;
  functions: Record<string, unknown>;
  cachePolicies: Record<string, unknown>;
  originRequestPolicies: Record<string, unknown>;
  responseHeadersPolicies: Record<string, unknown>;
  keyValueStores: Record<string, unknown>;
}

export interface ImportResult {
  format: SourceFormat;
  config: SourceConfig;
  /** What could not be converted, each naming the file, the place and the resource. */
  warnings: string[];
  /** Every file read: watch these to convert again. */
  files: string[];
}
