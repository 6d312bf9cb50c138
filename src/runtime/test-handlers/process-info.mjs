// Test handler: which process runs the environment and what it was given (spare processes, §8.1, §8.2, §8.5; the event, §8.4).
import { getHeapStatistics } from 'node:v8';

let invocations = 0;
const loadedAt = Date.now();

export const handler = async (event) => {
  invocations += 1;
  return {
    pid: process.pid,
    invocations,
    loadedAt,
    env: { ...process.env },
    requestKeys: Object.keys(event.Records[0].cf.request),
    heapLimitMb: Math.round(getHeapStatistics().heap_size_limit / 1_048_576),
  };
};
