import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { SourceError } from '../../source-error.js';
import { readSourceText } from '../../shared/read-document.js';
import { evaluateBody } from './evaluate-body.js';
import { evaluate, type EvalContext } from './evaluate-expression.js';
import { ExpressionError } from './expression-error.js';
import { parseExpression } from './parse-expression.js';
import { syntaxError, type Hcl2Json, type ModuleFiles } from './read-module-files.js';

/** tfvars values and `--var` values of non-string types are constant expressions: no names. */
const constants = (rootDir: string): EvalContext => ({
  rootDir,
  files: new Set(),
  lookup: (name) => {
    throw new ExpressionError(`"${name}" cannot be used here: a variable value is a constant`);
  },
});

/**
 * The root module's variable values by tf:language/values/variables "Variable Definition Precedence" (defaults aside):
 * terraform.tfvars, then `*.auto.tfvars` in name order, then `--var` (the config's `from.variables`). A `--var` is
 * a string unless the variable's `type` says otherwise, as on Terraform's command line. Returns the tfvars files read.
 */
export async function rootVariableValues(
  module: ModuleFiles,
  given: Readonly<Record<string, string>>,
  parse: Hcl2Json,
  warnings: string[],
): Promise<{ values: Map<string, unknown>; files: string[] }> {
  const values = new Map<string, unknown>();
  const autoFiles = readdirSync(module.dir).filter((name) => name.endsWith('.auto.tfvars')).sort();
  const files = ['terraform.tfvars', ...autoFiles].map((name) => join(module.dir, name)).filter((file) => existsSync(file));
  for (const file of files) {
    let body: Record<string, unknown>;
    try {
      body = await parse(file, readSourceText(file));
    } catch (error) {
      throw syntaxError(file, error);
    }
    for (const [name, value] of Object.entries(body)) {
      if (!module.variables.has(name)) warnings.push(`${file}: ${name}: no variable "${name}" is declared, so the value is not used: declare it or remove the line.`);
      try {
        values.set(name, evaluateBody(value, constants(module.dir)));
      } catch (error) {
        throw new SourceError('NoDistribution', file, name, `${(error as Error).message}: give a constant value.`);
      }
    }
  }
  for (const [name, text] of Object.entries(given)) {
    const block = module.variables.get(name);
    if (!block) {
      warnings.push(`--var ${name}: no variable "${name}" is declared in ${module.dir}, so the value is not used.`);
      continue;
    }
    const type = block.body.type;
    if (type === undefined || String(type).replace(/[${}\s]/g, '') === 'string') {
      values.set(name, text);
      continue;
    }
    try {
      values.set(name, evaluate(parseExpression(text), constants(module.dir)));
    } catch (error) {
      throw new SourceError('NoDistribution', 'command line', `--var ${name}`, `${(error as Error).message}: the variable's type is ${String(type).replace(/[${}]/g, '')}, so give its value as Terraform does (e.g. --var '${name}=["a","b"]').`);
    }
  }
  return { values, files };
}
