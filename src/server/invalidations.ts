import { randomBytes } from 'node:crypto';

/** One invalidation as the API reports it (D39: effective at once, reported Completed after creation). */
export interface Invalidation {
  id: string;
  createTime: Date;
  callerReference: string;
  paths: string[];
  reported: 'InProgress' | 'Completed';
}

/**
 * What the log keeps (issue 15): CloudFront keeps every invalidation, a local edge keeps the newest ones, bounded in
 * number and in path characters, so no client can grow the server without limit.
 */
export interface InvalidationLogLimits {
  maxInvalidations: number;
  maxPathCharacters: number;
}

const DEFAULT_LIMITS: InvalidationLogLimits = { maxInvalidations: 1000, maxPathCharacters: 16 * 1024 * 1024 };

/** The invalidations of one distribution, newest first. */
export class InvalidationLog {
  private readonly items: Invalidation[] = [];
  private pathCharacters = 0;

  constructor(private readonly limits: InvalidationLogLimits = DEFAULT_LIMITS) {}

  add(paths: string[], callerReference: string): Invalidation {
    const invalidation: Invalidation = {
      id: `I${randomBytes(13).toString('hex').toUpperCase().slice(0, 25)}`,
      createTime: new Date(),
      callerReference,
      paths,
      reported: 'InProgress',
    };
    this.items.unshift(invalidation);
    this.pathCharacters += characters(paths);
    while (this.items.length > 1 && (this.items.length > this.limits.maxInvalidations || this.pathCharacters > this.limits.maxPathCharacters)) {
      this.pathCharacters -= characters(this.items.pop()!.paths);
    }
    return invalidation;
  }

  /** D39: `CreateInvalidation` answers InProgress; every later read sees Completed. */
  get(id: string): Invalidation | undefined {
    const found = this.items.find((item) => item.id === id);
    if (found) found.reported = 'Completed';
    return found;
  }

  /**
   * api:ListInvalidations: newest first, `maxItems` at a time, starting after the invalidation whose Id is `marker`
   * (the previous page's NextMarker).
   */
  page(marker: string, maxItems: number): { items: Invalidation[]; nextMarker?: string } {
    const start = marker === '' ? 0 : this.items.findIndex((item) => item.id === marker) + 1;
    const items = this.items.slice(start, start + maxItems);
    for (const item of items) item.reported = 'Completed';
    const truncated = start + maxItems < this.items.length;
    return truncated ? { items, nextMarker: items[items.length - 1]!.id } : { items };
  }

  byCallerReference(reference: string): Invalidation | undefined {
    return this.items.find((item) => item.callerReference === reference);
  }
}

function characters(paths: readonly string[]): number {
  let total = 0;
  for (const path of paths) total += path.length;
  return total;
}

export function invalidationXmlShape(invalidation: Invalidation): Record<string, unknown> {
  return {
    Id: invalidation.id,
    Status: invalidation.reported,
    CreateTime: invalidation.createTime,
    InvalidationBatch: {
      Paths: { Quantity: invalidation.paths.length, Items: invalidation.paths },
      CallerReference: invalidation.callerReference,
    },
  };
}

/** For the log line: the first few paths and how many more, never all 3,000. */
export function describePaths(paths: readonly string[], shown = 5): string {
  const head = paths.slice(0, shown).map((path) => (path.length > 200 ? `${path.slice(0, 200)}…` : path));
  return paths.length > shown ? `${head.join(' ')} … and ${paths.length - shown} more` : head.join(' ');
}
