import { readResponseHeadersPolicy } from '../config/index.js';
import { ConfigError } from '../event/errors.js';
import type { Finding } from './types.js';

/**
 * Issue 11: each custom response headers policy checked as CreateResponseHeadersPolicy would check it
 * (dg:understanding-response-headers-policies): every refusal is a blocking finding naming its field.
 */
export function checkResponseHeadersPolicies(policies: Record<string, unknown>, file: string): Finding[] {
  const findings: Finding[] = [];
  const refused = (field: string, message: string): Finding => ({
    severity: 'error',
    code: 'RESPONSE_HEADERS_POLICY_INVALID',
    message: `${field}: ${message}`,
    fix: 'Change the policy as the message says; CloudFront refuses to create or update it otherwise.',
    reference: 'dg:understanding-response-headers-policies',
    input: 'config',
    file,
  });
  for (const [id, value] of Object.entries(policies)) {
    const loc = { file, path: `responseHeadersPolicies[${JSON.stringify(id)}]` };
    try {
      for (const problem of readResponseHeadersPolicy(id, value, loc, { warnings: [] }).problems) findings.push(refused(problem.loc.path, problem.message));
    } catch (error) {
      if (!(error instanceof ConfigError)) throw error;
      findings.push(refused(error.field, error.message.slice(`${error.file}: ${error.field}: `.length)));
    }
  }
  return findings;
}
