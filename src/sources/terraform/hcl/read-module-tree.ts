import { existsSync, statSync } from 'node:fs';
import { resolve } from 'node:path';
import { SourceError } from '../../source-error.js';
import type { ModuleTree } from './module-instance.js';
import { readModuleFiles, type Hcl2Json } from './read-module-files.js';

/**
 * A module directory and, recursively, the local modules it calls (tf:language/modules/sources "Local Paths":
 * `./` or `../`); any other source is kept by name, an error only when something the distribution needs comes from it.
 */
export async function readModuleTree(dir: string, parse: Hcl2Json): Promise<ModuleTree> {
  const files = await readModuleFiles(dir, parse);
  const children: ModuleTree['children'] = new Map();
  for (const [name, block] of files.modules) {
    const source = block.body.source;
    if (typeof source !== 'string' || !/^\.\.?\//.test(source)) {
      children.set(name, { registry: String(source) });
      continue;
    }
    const childDir = resolve(dir, source);
    if (!existsSync(childDir) || !statSync(childDir).isDirectory()) {
      throw new SourceError('UnreadableSource', block.doc.file, block.doc.where(block.doc.at(...block.keys, 'source')), `module.${name}: source "${source}" is not a directory: check the path.`);
    }
    children.set(name, await readModuleTree(childDir, parse));
  }
  return { files, children };
}
