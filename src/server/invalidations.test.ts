import { describe, expect, it } from 'vitest';
import { describePaths, InvalidationLog } from './invalidations.js';

describe('issue 15 InvalidationLog keeps a bounded history', () => {
  it('drops the oldest beyond the number limit', () => {
    const log = new InvalidationLog({ maxInvalidations: 3, maxPathCharacters: 1_000_000 });
    const ids = Array.from({ length: 5 }, (_, i) => log.add([`/p${i}`], `r${i}`).id);
    expect(log.page('', 100).items.map((item) => item.id)).toEqual(ids.slice(2).reverse());
    expect(log.byCallerReference('r0')).toBeUndefined();
  });

  it('drops the oldest beyond the path-character limit, but always keeps the newest', () => {
    const log = new InvalidationLog({ maxInvalidations: 100, maxPathCharacters: 10 });
    log.add(['/aaaa'], 'a');
    log.add(['/bbbb'], 'b');
    log.add(['/cccccccccccccccc'], 'c');
    expect(log.page('', 100).items.map((item) => item.callerReference)).toEqual(['c']);
  });

  it('pages from a marker; an unknown marker starts at the newest', () => {
    const log = new InvalidationLog();
    const ids = Array.from({ length: 5 }, (_, i) => log.add([`/p${i}`], `r${i}`).id).reverse();
    expect(log.page(ids[1]!, 2)).toEqual({ items: [expect.objectContaining({ id: ids[2] }), expect.objectContaining({ id: ids[3] })], nextMarker: ids[3] });
    expect(log.page(ids[3]!, 2).nextMarker).toBeUndefined();
    expect(log.page('nope', 1).items[0]!.id).toBe(ids[0]);
  });

  it('describes a few paths for the log', () => {
    expect(describePaths(['/a', '/b'])).toBe('/a /b');
    expect(describePaths(Array.from({ length: 8 }, (_, i) => `/${i}`), 2)).toBe('/0 /1 … and 6 more');
  });
});
