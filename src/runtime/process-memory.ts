import { readFileSync } from 'node:fs';

const VM_RSS = /^VmRSS:\s+(\d+) kB$/m;

/**
 * §8.5: a process's resident set in MB (Linux `/proc/<pid>/status`), what Lambda's memory limit counts: the V8
 * heap, Buffers, native memory. Undefined where there is no /proc (macOS) or the process is gone.
 */
export function residentSetMb(pid: number): number | undefined {
  try {
    const match = VM_RSS.exec(readFileSync(`/proc/${pid}/status`, 'latin1'));
    return match === null ? undefined : Math.ceil(Number(match[1]) / 1024);
  } catch {
    return undefined;
  }
}
