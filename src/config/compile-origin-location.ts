import { statSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import type { OriginLocation } from './types.js';
import { fail, type JsonLocation } from './json-location.js';

/**
 * interface.md `origins`: a base URL (replaces the origin's domain name, protocol and port; its path is put before
 * OriginPath) or a directory, relative to the config file, served the way S3 serves a bucket.
 */
export function compileOriginLocation(value: unknown, loc: JsonLocation, configFile: string): OriginLocation {
  const accepts = 'give a base URL like "http://127.0.0.1:8080" or a directory path relative to the config file';
  if (typeof value !== 'string' || value === '') fail(loc, `expected a string: ${accepts}.`);
  if (/^[a-z][a-z0-9+.-]*:\/\//i.test(value)) {
    let url: URL;
    try {
      url = new URL(value);
    } catch {
      return fail(loc, `${JSON.stringify(value)} is not a valid URL: ${accepts}.`);
    }
    if (url.protocol !== 'http:' && url.protocol !== 'https:') fail(loc, `only http:// and https:// URLs are supported: ${accepts}.`);
    if (url.search || url.hash || url.username || url.password) {
      fail(loc, `${JSON.stringify(value)} has a query, fragment or credentials: give only scheme, host, port and path.`);
    }
    const protocol = url.protocol === 'https:' ? 'https' : 'http';
    return Object.freeze({
      kind: 'url',
      protocol,
      host: url.hostname.replace(/^\[(.*)\]$/, '$1'),
      port: url.port ? Number(url.port) : protocol === 'https' ? 443 : 80,
      basePath: url.pathname.replace(/\/+$/, ''),
    });
  }
  const root = resolve(dirname(configFile), value);
  let isDirectory = false;
  try {
    isDirectory = statSync(root).isDirectory();
  } catch {
    fail(loc, `directory ${root} does not exist: create it or ${accepts}.`);
  }
  if (!isDirectory) fail(loc, `${root} is not a directory: ${accepts}.`);
  return Object.freeze({ kind: 'directory', root });
}
