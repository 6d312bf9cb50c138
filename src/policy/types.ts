/**
 * Shapes of the pre-deploy check (reference §10): parsed IAM policies, evaluation results, and findings.
 */
import type { LambdaEventType } from '../event/types.js';

export type Severity = 'error' | 'warning';

/** Which input a finding or a policy comes from (the report groups by it). */
export type InputKind =
  | 'config'
  | 'deployer-policy'
  | 'permissions-boundary'
  | 'scp'
  | 'trust-policy'
  | 'execution-role-policy'
  | 'function-config'
  | 'package';

export interface Finding {
  severity: Severity;
  /** Stable, upper snake case, e.g. `DEPLOYER_ENABLE_REPLICATION_MISSING`. */
  code: string;
  message: string;
  /** What AWS returns at deploy time, quoted from the reference (placeholders filled in). */
  awsMessage?: string;
  /** What to change. */
  fix?: string;
  /** Extra explanation (e.g. the old AWS doc wording behind the unqualified-ARN trap). */
  hint?: string;
  /** Reference section or decision, e.g. `§10.4`. */
  reference?: string;
  input?: InputKind;
  file?: string;
  /** `Sid "X"` or `Statement[2]` (with the JSON path prefix of wrapped documents). */
  statement?: string;
  /** The association ARN or function name the finding is about. */
  function?: string;
  /** Condition keys or policy variables the result depends on. */
  dependsOn?: string[];
}

// ---- policies ----

export type ConditionSet = 'ForAnyValue' | 'ForAllValues';

export interface ConditionEntry {
  /** As written, e.g. `ForAnyValue:StringLikeIfExists`. */
  operator: string;
  /** Without set prefix and IfExists, e.g. `StringLike`. */
  base: string;
  ifExists: boolean;
  set?: ConditionSet;
  /** As written (IAM compares keys case-insensitively; `lowerKey` is for lookups). */
  key: string;
  lowerKey: string;
  values: string[];
}

export interface PolicyPrincipal {
  /** `Principal: "*"` or `{"AWS": "*"}`. */
  any: boolean;
  service: string[];
  aws: string[];
  federated: string[];
}

export interface PolicyStatement {
  file: string;
  /** The statement's label for messages: `Sid "X"` or `Statement[2]`, with any wrapping prefix. */
  label: string;
  /** JSON path inside the file, e.g. `PolicyVersion.Document.Statement[2]`. */
  path: string;
  sid?: string;
  effect: 'Allow' | 'Deny';
  /** Exactly one of actions / notActions (identity and trust policies). */
  actions?: string[];
  notActions?: string[];
  /** Exactly one of resources / notResources in identity policies; both absent in trust policies. */
  resources?: string[];
  notResources?: string[];
  principal?: PolicyPrincipal;
  notPrincipal?: PolicyPrincipal;
  conditions: ConditionEntry[];
}

export interface Policy {
  file: string;
  /** Policy name when the input carried one (get-role-policy, authorization details), else the file name. */
  name: string;
  kind: InputKind;
  statements: PolicyStatement[];
}

/** One question put to the evaluator. Patterns (`*`, `?`) in `action`/`resource` ask "all of them" (§10.4). */
export interface AccessRequest {
  action: string;
  /** Absent for trust policies. */
  resource?: string;
  /** For trust policies: the service principal asking to assume the role. */
  servicePrincipal?: string;
  /** Known condition keys (lower-case) and their values; known keys absent here are missing from the request. */
  context: ReadonlyMap<string, readonly string[]>;
}

/** §10.7 item 7: tri-state result with the deciding statements or the unknowns. */
export type Decision =
  | { result: 'allowed'; by: PolicyStatement[] }
  | { result: 'denied'; explicit: boolean; by?: PolicyStatement }
  | { result: 'depends'; on: string[]; by: PolicyStatement[] };

/** The identity side plus optional limits (§10.7 item 1). */
export interface PolicySet {
  identity: Policy[];
  boundary?: Policy[];
  scp?: Policy[];
}

// ---- distribution and functions ----

export interface AssociationRef {
  /** `DefaultCacheBehavior` or `CacheBehaviors.Items[2]` — the JSON path in the DistributionConfig. */
  behaviorPath: string;
  pathPattern: string;
  eventType: string;
  arn: string;
  includeBody: boolean;
  /** JSON path of this association. */
  path: string;
}

/** One `FunctionAssociations` item (a CloudFront Function, §9). */
export interface FunctionAssociationRef {
  eventType: string;
  arn: string;
  /** JSON path of this association. */
  path: string;
}

export interface BehaviorRef {
  path: string;
  pathPattern: string;
  smoothStreaming: boolean;
  lambda: AssociationRef[];
  /** CloudFront Functions on this behavior. */
  functions: FunctionAssociationRef[];
}

/** The parts of `aws lambda get-function-configuration` output the check reads. */
export interface FunctionConfig {
  file: string;
  /** JSON path prefix (`Configuration.` for get-function output). */
  prefix: string;
  raw: Record<string, unknown>;
  functionName: string;
  functionArn?: string;
  version?: string;
}

/** A function the check looks at: an association target or a function given without association (D50). */
export interface CheckedFunction {
  /** The ARN as associated, or the name/ARN given. */
  id: string;
  associations: AssociationRef[];
  /** Event types that fix the limits; viewer events when unassociated (D50). */
  eventTypes: LambdaEventType[];
  associated: boolean;
  config?: FunctionConfig;
  packageBytes?: number;
  packageFile?: string;
}
