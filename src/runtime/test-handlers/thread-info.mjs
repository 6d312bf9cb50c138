// Test handler: which thread runs the environment and what it was given (spare threads, §8.1, §8.2, §8.5).
import { threadId } from 'node:worker_threads';
import { getHeapStatistics } from 'node:v8';

let invocations = 0;
const loadedAt = Date.now();

export const handler = async () => {
  invocations += 1;
  return {
    threadId,
    invocations,
    loadedAt,
    env: { ...process.env },
    heapLimitMb: Math.round(getHeapStatistics().heap_size_limit / 1_048_576),
  };
};
