import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { isObject } from '../../config/index.js';
import { readDocument } from '../shared/read-document.js';
import type { SourceDocument } from '../shared/source-document.js';

/** One stack of a cloud assembly (cdk:cloud-assembly-schema `aws:cloudformation:stack`), its template parsed. */
export interface AssemblyStack {
  /** The artifact ID (what `cdk deploy` names). */
  id: string;
  stackName: string;
  doc: SourceDocument;
}

/** The manifest's stacks, nested assemblies (CDK Stages, `cdk:cloud-assembly`) included. */
export function readAssembly(path: string, files: string[]): AssemblyStack[] {
  const dir = existsSync(join(path, 'manifest.json')) ? path : join(path, 'cdk.out');
  const manifest = readDocument(join(dir, 'manifest.json'));
  files.push(manifest.file);
  const artifacts = isObject(manifest.value) && isObject(manifest.value.artifacts) ? manifest.value.artifacts : {};
  const stacks: AssemblyStack[] = [];
  for (const [id, artifact] of Object.entries(artifacts)) {
    if (!isObject(artifact) || !isObject(artifact.properties)) continue;
    const properties = artifact.properties;
    if (artifact.type === 'cdk:cloud-assembly' && typeof properties.directoryName === 'string') {
      stacks.push(...readAssembly(join(dir, properties.directoryName), files));
    } else if (artifact.type === 'aws:cloudformation:stack' && typeof properties.templateFile === 'string') {
      const doc = readDocument(join(dir, properties.templateFile));
      files.push(doc.file);
      stacks.push({ id, stackName: typeof properties.stackName === 'string' ? properties.stackName : id, doc });
    }
  }
  return stacks;
}
