/**
 * The `cloudfront` module of cloudfront-js-2.0: `cf.kvs()` (dg:functions-custom-methods), the origin helpers
 * (dg:helper-functions-origin-modification) and `cf.edgeLocation` (dg:general-helper-methods).
 */
import { Buffer } from 'node:buffer';
import { createRequestOriginGroupArgument, selectRequestOriginByIdArgument, updateRequestOriginArgument } from './origin-helper-arguments.js';
import type { KeyValueStoreData, OriginChange } from './types.js';
import type { RunState } from './run-state.js';

/** The context's own Promise, so awaiting a store read continues in the function's microtask queue. */
type ContextPromise = PromiseConstructor;

function kvsHandle(store: KeyValueStoreData | undefined, ContextPromise: ContextPromise) {
  const open = (): KeyValueStoreData => {
    if (!store) throw new Error('cf.kvs(): no key value store is associated with this function (add "keyValueStore" to its `functions` entry).');
    return store;
  };
  return {
    get(key: unknown, options?: { format?: unknown }) {
      return new ContextPromise((resolve, reject) => {
        const value = open().entries.get(String(key));
        // dg:functions-custom-methods "Error handling": get() fails for a key that does not exist.
        if (value === undefined) return reject(new Error(`Key "${String(key)}" does not exist in the key value store.`));
        const format = options?.format ?? 'string';
        if (format === 'string') resolve(value);
        else if (format === 'json') resolve(JSON.parse(value));
        else if (format === 'bytes') resolve(Buffer.from(value, 'utf8'));
        else reject(new TypeError(`cf.kvs().get(): format ${JSON.stringify(format)} is not one of string, json, bytes.`));
      });
    },
    exists(key: unknown) {
      return new ContextPromise((resolve) => resolve(open().entries.has(String(key))));
    },
    meta() {
      return new ContextPromise((resolve) => {
        const { modified, entries } = open();
        resolve({ creationDateTime: modified.toISOString(), lastUpdatedDateTime: modified.toISOString(), keyCount: entries.size });
      });
    },
  };
}

// dg:helper-functions-origin-modification: the helpers work in viewer-request functions only; each call is recorded
// in order and applied by the edge once the function has returned its request.
function originHelper(state: RunState, name: OriginChange['helper'], check: (argument: unknown) => OriginChange) {
  return (argument: unknown) => {
    if (state.eventType !== 'viewer-request') throw new Error(`cf.${name}() can only be used in a viewer-request function (dg:helper-functions-origin-modification).`);
    state.originChanges.push(check(argument));
  };
}

/** The module `import cf from 'cloudfront'` returns, bound to one function's store and run state. */
export function cloudfrontModule(store: KeyValueStoreData | undefined, state: RunState, ContextPromise: ContextPromise): unknown {
  const handle = kvsHandle(store, ContextPromise);
  return Object.freeze({
    kvs: () => handle,
    updateRequestOrigin: originHelper(state, 'updateRequestOrigin', updateRequestOriginArgument),
    selectRequestOriginById: originHelper(state, 'selectRequestOriginById', selectRequestOriginByIdArgument),
    createRequestOriginGroup: originHelper(state, 'createRequestOriginGroup', createRequestOriginGroupArgument),
    get edgeLocation() {
      return state.edgeLocation;
    },
  });
}
