import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

/**
 * The compiled Node.js bootstrap. A process needs JavaScript: when this module runs from `src/*.ts` (Vitest), the
 * bootstrap is taken from `dist/` (built by `npm run build`).
 */
export function environmentBootstrapUrl(moduleUrl: string = import.meta.url): URL {
  // From dist/runtime/ or from a bundle chunk in dist/bundle/, the bootstrap is dist/runtime/environment.child.js.
  const url = new URL('../runtime/environment.child.js', moduleUrl);
  if (!moduleUrl.endsWith('.ts')) return url;
  const at = url.pathname.lastIndexOf('/src/');
  if (at === -1) return url;
  const mapped = new URL(url.href);
  mapped.pathname = `${url.pathname.slice(0, at)}/dist/${url.pathname.slice(at + 5)}`;
  return mapped;
}

/** Names the missing build step instead of letting the process fail with a bare ERR_MODULE_NOT_FOUND. */
export function checkBootstrapBuilt(url: URL): string | undefined {
  if (existsSync(fileURLToPath(url))) return undefined;
  return `the execution environment's bootstrap ${fileURLToPath(url)} does not exist; run "npm run build" first`;
}
