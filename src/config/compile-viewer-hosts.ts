import type { ViewerHosts } from './types.js';
import { childLocation, fail, indexLocation, warn, type Diagnostics, type JsonLocation } from './json-location.js';
import { isObject, stringList } from './read-fields.js';

// RFC 1123 host names: letters, digits, hyphens and dots (`_` too: real DNS names carry it).
const HOST_NAME = /^[a-z0-9_]([a-z0-9_-]*[a-z0-9_])?(\.[a-z0-9_]([a-z0-9_-]*[a-z0-9_])?)*\.?$/;

/** A host name or a `*.` wildcard as CloudFront writes alternate domain names, or undefined when it is neither. */
export function hostPattern(name: string): { exact?: string; suffix?: string } | undefined {
  const lower = name.toLowerCase();
  if (lower.startsWith('*.')) return HOST_NAME.test(lower.slice(2)) ? { suffix: lower.slice(1) } : undefined;
  return HOST_NAME.test(lower) ? { exact: lower } : undefined;
}

/**
 * Issue 15 (interface.md › Viewer hosts): the names the edge answers besides loopback, compiled once.
 * dg:alternate-domain-names-wildcard: `*.example.com` serves any depth of subdomain, not `example.com` itself.
 */
export function compileViewerHosts(names: readonly string[]): ViewerHosts {
  const exact = new Set<string>();
  const suffixes: string[] = [];
  for (const name of names) {
    const pattern = hostPattern(name);
    if (pattern?.exact !== undefined) exact.add(pattern.exact);
    if (pattern?.suffix !== undefined) suffixes.push(pattern.suffix);
  }
  return Object.freeze({ exact, suffixes: Object.freeze(suffixes) });
}

/** The distribution's domain name and `Aliases`, each checked as CloudFront's API checks a CNAME. */
export function readAliases(dist: Record<string, unknown>, loc: JsonLocation, diagnostics: Diagnostics): string[] {
  if (!isObject(dist.Aliases)) return [];
  const itemsLoc = childLocation(childLocation(loc, 'Aliases'), 'Items');
  const aliases = stringList(dist, 'Aliases', loc, diagnostics);
  aliases.forEach((alias, i) => {
    if (hostPattern(alias) === undefined) {
      fail(indexLocation(itemsLoc, i), `"${alias}" is not a domain name; write a name like "www.example.com" or a wildcard like "*.example.com" (the * only as the first label).`);
    }
    // dg:CNAMEs: "All alternate domain names (CNAMEs) must be lowercase to be valid."
    if (alias !== alias.toLowerCase()) {
      warn(diagnostics, indexLocation(itemsLoc, i), `"${alias}" has upper-case letters; CloudFront's API accepts only lower-case alternate domain names (run \`edge-dev check\`).`);
    }
  });
  return aliases;
}

/** `settings.allowedHosts` and `--allowed-host`: more names the local edge answers (host names or `*.` wildcards). */
export function readAllowedHosts(value: unknown, loc: JsonLocation): string[] {
  if (value === undefined) return [];
  if (!Array.isArray(value)) fail(loc, 'expected an array of host names, like ["dev.example.test", "*.example.test"].');
  return value.map((name: unknown, i) => {
    if (typeof name !== 'string' || hostPattern(name) === undefined) {
      fail(indexLocation(loc, i), `${JSON.stringify(name)} is not a host name; write a name like "dev.example.test" or "*.example.test" (no scheme, no port).`);
    }
    return name;
  });
}
