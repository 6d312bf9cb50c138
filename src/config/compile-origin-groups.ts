import type { CompiledOriginGroup } from './types.js';
import { checkUnknownKeys } from './check-unknown-keys.js';
import { childLocation, fail, type Diagnostics, type JsonLocation } from './json-location.js';
import { expectObject, listItems, requiredString, type JsonObject } from './read-fields.js';

// §2.5: the status codes an origin group may fail over on.
const FAILOVER_CODES = new Set([400, 403, 404, 416, 500, 502, 503, 504]);

/** §2.5 / §7.6: `OriginGroups` items: two member origins and the failover status codes. */
export function compileOriginGroups(
  distribution: JsonObject,
  loc: JsonLocation,
  originIds: ReadonlySet<string>,
  diagnostics: Diagnostics,
): Map<string, CompiledOriginGroup> {
  const groups = new Map<string, CompiledOriginGroup>();
  for (const item of listItems(distribution, 'OriginGroups', loc, diagnostics)) {
    const group = expectObject(item.value, item.loc);
    checkUnknownKeys(group, ['Id', 'FailoverCriteria', 'Members', 'SelectionCriteria'], item.loc, diagnostics);
    const id = requiredString(group, 'Id', item.loc, 'the name behaviors use as TargetOriginId');
    if (originIds.has(id) || groups.has(id)) fail(childLocation(item.loc, 'Id'), `"${id}" is already used by an origin or another group; give it its own Id.`);

    const criteriaLoc = childLocation(item.loc, 'FailoverCriteria');
    const criteria = expectObject(group.FailoverCriteria, criteriaLoc, 'an object { "StatusCodes": { "Quantity": n, "Items": [...] } }');
    const codes = new Set<number>();
    for (const code of listItems(criteria, 'StatusCodes', criteriaLoc, diagnostics)) {
      if (typeof code.value !== 'number' || !FAILOVER_CODES.has(code.value)) {
        fail(code.loc, `${JSON.stringify(code.value)} is not a failover status code: use ${[...FAILOVER_CODES].join(', ')} (reference §2.5).`);
      }
      codes.add(code.value);
    }
    if (codes.size === 0) fail(childLocation(criteriaLoc, 'StatusCodes'), 'lists no status codes: give at least one, e.g. 500, 502, 503, 504.');

    const membersLoc = childLocation(item.loc, 'Members');
    if (group.Members === undefined) fail(membersLoc, 'is required: give { "Quantity": 2, "Items": [{ "OriginId": primary }, { "OriginId": secondary }] }.');
    const memberIds = listItems(group, 'Members', item.loc, diagnostics).map((member) => {
      const originId = requiredString(expectObject(member.value, member.loc), 'OriginId', member.loc);
      if (!originIds.has(originId)) {
        fail(childLocation(member.loc, 'OriginId'), `"${originId}" is not an origin Id of this distribution; use one of ${[...originIds].join(', ')}.`);
      }
      return originId;
    });
    if (memberIds.length !== 2) fail(membersLoc, `has ${memberIds.length} members; an origin group has exactly two (primary, then secondary).`);
    groups.set(
      id,
      Object.freeze({ id, primary: memberIds[0]!, secondary: memberIds[1]!, failoverStatusCodes: codes as ReadonlySet<number> }),
    );
  }
  return groups;
}
