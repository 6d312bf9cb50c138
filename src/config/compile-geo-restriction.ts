import type { GeoRestriction } from './types.js';
import { childLocation, fail, type Diagnostics, type JsonLocation } from './json-location.js';
import { expectObject, oneOf, stringList, type JsonObject } from './read-fields.js';

const COUNTRY = /^[A-Z]{2}$/;

/**
 * api:GeoRestriction: `RestrictionType` none | whitelist | blacklist with ISO 3166-1 alpha-2 codes
 * (dg:georestrictions). Undefined when there is no restriction.
 */
export function compileGeoRestriction(dist: JsonObject, loc: JsonLocation, diagnostics: Diagnostics): GeoRestriction | undefined {
  if (dist.Restrictions === undefined || dist.Restrictions === null) return undefined;
  const restrictionsLoc = childLocation(loc, 'Restrictions');
  const restrictions = expectObject(dist.Restrictions, restrictionsLoc);
  const geoLoc = childLocation(restrictionsLoc, 'GeoRestriction');
  const geo = expectObject(restrictions.GeoRestriction ?? { RestrictionType: 'none' }, geoLoc);
  const type = oneOf(geo, 'RestrictionType', geoLoc, ['none', 'whitelist', 'blacklist'] as const);
  if (type === undefined) fail(childLocation(geoLoc, 'RestrictionType'), 'is required: "none", "whitelist" or "blacklist".');
  // GeoRestriction is itself the { Quantity, Items } list.
  const countries = stringList({ GeoRestriction: geo }, 'GeoRestriction', restrictionsLoc, diagnostics);
  if (type === 'none') return undefined;
  for (const code of countries) {
    if (!COUNTRY.test(code)) fail(childLocation(geoLoc, 'Items'), `"${code}" is not an ISO 3166-1 alpha-2 country code, like "US".`);
  }
  if (countries.length === 0) fail(childLocation(geoLoc, 'Items'), `lists no countries: a ${type} needs at least one.`);
  return Object.freeze({ type, countries: new Set(countries) });
}
