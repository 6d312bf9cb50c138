import { randomBytes } from 'node:crypto';

/** One invalidation as the API reports it (D39: effective at once, reported Completed after creation). */
export interface Invalidation {
  id: string;
  createTime: Date;
  callerReference: string;
  paths: string[];
  reported: 'InProgress' | 'Completed';
}

/** The invalidations of one distribution, newest first. */
export class InvalidationLog {
  private readonly items: Invalidation[] = [];

  add(paths: string[], callerReference: string): Invalidation {
    const invalidation: Invalidation = {
      id: `I${randomBytes(13).toString('hex').toUpperCase().slice(0, 25)}`,
      createTime: new Date(),
      callerReference,
      paths,
      reported: 'InProgress',
    };
    this.items.unshift(invalidation);
    return invalidation;
  }

  /** D39: `CreateInvalidation` answers InProgress; every later read sees Completed. */
  get(id: string): Invalidation | undefined {
    const found = this.items.find((item) => item.id === id);
    if (found) found.reported = 'Completed';
    return found;
  }

  list(): Invalidation[] {
    for (const item of this.items) item.reported = 'Completed';
    return this.items;
  }

  byCallerReference(reference: string): Invalidation | undefined {
    return this.items.find((item) => item.callerReference === reference);
  }
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
