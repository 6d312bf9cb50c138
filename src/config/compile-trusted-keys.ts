import { createPublicKey, type KeyObject } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import type { TrustedKeys } from '../signing/types.js';
import { childLocation, fail, type Diagnostics, type JsonLocation } from './json-location.js';
import { expectObject, optionalBoolean, stringList, type JsonObject } from './read-fields.js';

/** Key groups by Id, each its public keys by public key ID (interface.md › More of the distribution). */
export type KeyGroups = ReadonlyMap<string, TrustedKeys>;

function readPublicKey(path: unknown, loc: JsonLocation): KeyObject {
  if (typeof path !== 'string' || path === '') fail(loc, 'expected the path of a PEM public key file.');
  const file = resolve(dirname(loc.file), path);
  let pem: string;
  try {
    pem = readFileSync(file, 'utf8');
  } catch {
    return fail(loc, `cannot read ${file}: give the path of the PEM public key (relative to the config file).`);
  }
  try {
    const key = createPublicKey(pem);
    // dg:private-content-trusted-signers: RSA (2048-bit) or ECDSA (prime256v1) keys.
    if (key.asymmetricKeyType !== 'rsa' && key.asymmetricKeyType !== 'ec') fail(loc, `${file} holds a ${key.asymmetricKeyType} key; CloudFront takes RSA or ECDSA keys.`);
    return key;
  } catch (error) {
    if ((error as Error).name === 'ConfigError') throw error;
    return fail(loc, `${file} is not a PEM public key (${(error as Error).message}).`);
  }
}

/** `publicKeys` ({ id: "key.pem" }) and `keyGroups` ({ groupId: [id, ...] }), read once at load. */
export function compileKeyGroups(config: JsonObject, root: JsonLocation): KeyGroups {
  const keysLoc = childLocation(root, 'publicKeys');
  const groupsLoc = childLocation(root, 'keyGroups');
  const keys = new Map<string, KeyObject>();
  for (const [id, path] of Object.entries(expectObject(config.publicKeys ?? {}, keysLoc, 'an object mapping public key IDs to PEM files'))) {
    keys.set(id, readPublicKey(path, childLocation(keysLoc, id)));
  }
  const groups = new Map<string, TrustedKeys>();
  for (const [id, members] of Object.entries(expectObject(config.keyGroups ?? {}, groupsLoc, 'an object mapping key group IDs to lists of public key IDs'))) {
    const at = childLocation(groupsLoc, id);
    if (!Array.isArray(members) || members.length === 0) fail(at, 'expected a non-empty list of public key IDs from `publicKeys`.');
    const group = new Map<string, KeyObject>();
    for (const member of members) {
      const key = typeof member === 'string' ? keys.get(member) : undefined;
      if (key === undefined) fail(at, `${JSON.stringify(member)} is not a key of \`publicKeys\`.`);
      group.set(member as string, key);
    }
    groups.set(id, group);
  }
  return groups;
}

/** api:TrustedKeyGroups on a behavior: the union of its groups' keys, or undefined when not enabled. */
export function compileTrustedKeyGroups(behavior: JsonObject, loc: JsonLocation, groups: KeyGroups, diagnostics: Diagnostics): TrustedKeys | undefined {
  if (behavior.TrustedKeyGroups === undefined || behavior.TrustedKeyGroups === null) return undefined;
  const at = childLocation(loc, 'TrustedKeyGroups');
  const config = expectObject(behavior.TrustedKeyGroups, at);
  const ids = stringList({ TrustedKeyGroups: config }, 'TrustedKeyGroups', loc, diagnostics);
  if (!(optionalBoolean(config, 'Enabled', at) ?? ids.length > 0)) return undefined;
  // api:TrustedKeyGroups: enabled with no group is refused by the API; serving it unsigned would fail open.
  if (ids.length === 0) fail(at, 'Enabled is true but Items names no key group: list the key group IDs (from `keyGroups`), or set Enabled to false.');
  const keys = new Map<string, KeyObject>();
  for (const id of ids) {
    const group = groups.get(id);
    if (group === undefined) fail(childLocation(at, 'Items'), `"${id}" is not a key of \`keyGroups\`: add it with its public key IDs.`);
    for (const [keyId, key] of group) keys.set(keyId, key);
  }
  return keys;
}
