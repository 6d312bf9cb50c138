/**
 * Turns an evaluator Decision into a finding: `_MISSING` (implicit deny), `_DENIED` (explicit Deny, naming
 * the statement) or `_DEPENDS` (a warning that names the condition keys it depends on, §10.7 item 5).
 */
import type { Decision, Finding, InputKind, Severity } from './types.js';

export interface RequirementText {
  /** Code stem, e.g. `DEPLOYER_ENABLE_REPLICATION`. */
  code: string;
  severity: Severity;
  /** What is needed, e.g. `lambda:EnableReplication* on arn:…:2`. */
  needed: string;
  awsMessage?: string;
  fix: string;
  reference: string;
  input: InputKind;
  /** Files of the input, for implicit denials (no single statement decides). */
  files: string[];
  function?: string;
  hint?: string;
}

export function decisionFinding(decision: Decision, text: RequirementText): Finding | undefined {
  const base = {
    awsMessage: text.awsMessage,
    fix: text.fix,
    reference: text.reference,
    input: text.input,
    function: text.function,
    hint: text.hint,
  };
  if (decision.result === 'allowed') return undefined;
  if (decision.result === 'denied' && decision.explicit && decision.by) {
    return {
      ...base,
      severity: text.severity,
      code: `${text.code}_DENIED`,
      message: `${text.needed} is explicitly denied by ${decision.by.label}`,
      file: decision.by.file,
      statement: decision.by.label,
    };
  }
  if (decision.result === 'denied') {
    return {
      ...base,
      severity: text.severity,
      code: `${text.code}_MISSING`,
      message: `no statement allows ${text.needed}`,
      file: text.files.join(', ') || undefined,
    };
  }
  const first = decision.by[0];
  return {
    ...base,
    severity: 'warning',
    code: `${text.code}_DEPENDS`,
    message: `${text.needed} depends on ${decision.on.join(', ')}, which the check cannot know; verify it holds for the deploying principal`,
    file: first?.file,
    statement: decision.by.map((s) => s.label).join(', ') || undefined,
    dependsOn: decision.on,
  };
}
