/**
 * The `crypto`, `querystring` and `buffer` modules of the CloudFront Functions runtimes, backed by Node's own
 * (dg:functions-javascript-runtime-10, -20 "Built-in modules": the methods "behave exactly as their Node.js counterparts").
 */
import { Buffer } from 'node:buffer';
import { createHash, createHmac, type BinaryToTextEncoding, type Hash, type Hmac } from 'node:crypto';
import querystring from 'node:querystring';
import type { FunctionRuntimeName } from './types.js';

const ALGORITHMS = new Set(['md5', 'sha1', 'sha256']);
const ENCODINGS = new Set(['hex', 'base64', 'base64url']);

function checkAlgorithm(algorithm: unknown): string {
  if (typeof algorithm !== 'string' || !ALGORITHMS.has(algorithm)) {
    throw new TypeError(`crypto: algorithm ${JSON.stringify(algorithm)} is not supported; use md5, sha1 or sha256.`);
  }
  return algorithm;
}

// dg:functions-javascript-runtime-20: without an encoding, digest() gives a Buffer in 2.0 and a byte string in 1.0.
function digester(inner: Hash | Hmac, runtime: FunctionRuntimeName) {
  return {
    update(data: string | Uint8Array) {
      inner.update(data);
      return this;
    },
    digest(encoding?: string) {
      if (encoding !== undefined) {
        if (!ENCODINGS.has(encoding)) throw new TypeError(`crypto: digest encoding ${JSON.stringify(encoding)} is not supported; use hex, base64 or base64url.`);
        return inner.digest(encoding as BinaryToTextEncoding);
      }
      const bytes = inner.digest();
      return runtime === 'cloudfront-js-2.0' ? bytes : bytes.toString('latin1');
    },
  };
}

function cryptoModule(runtime: FunctionRuntimeName) {
  return Object.freeze({
    createHash: (algorithm: unknown) => digester(createHash(checkAlgorithm(algorithm)), runtime),
    createHmac: (algorithm: unknown, key: string | Uint8Array) => digester(createHmac(checkAlgorithm(algorithm), key), runtime),
  });
}

const querystringModule = Object.freeze({
  parse: querystring.parse,
  decode: querystring.decode,
  stringify: querystring.stringify,
  encode: querystring.encode,
  escape: querystring.escape,
  unescape: querystring.unescape,
});

/** The modules other than `cloudfront` that `require`/`import` return, per runtime. */
export function builtinModules(runtime: FunctionRuntimeName): Record<string, unknown> {
  const modules: Record<string, unknown> = { crypto: cryptoModule(runtime), querystring: querystringModule };
  if (runtime === 'cloudfront-js-2.0') modules.buffer = Object.freeze({ Buffer });
  return modules;
}
