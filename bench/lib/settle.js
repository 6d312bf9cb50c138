import { readFileSync } from 'node:fs';
import { setTimeout as sleep } from 'node:timers/promises';

const WINDOW_MS = 250;
/** USER_HZ: /proc counts CPU time in hundredths of a second on Linux. */
export const TICKS_PER_SECOND = 100;
// Below this share of one core, summed over the processes, a process counts as idle.
const QUIET_SHARE = 0.05;

/** utime + stime of a process in clock ticks (Linux /proc), or undefined where /proc is missing. */
export function cpuTicks(pid) {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return Number(fields[11]) + Number(fields[12]);
  } catch {
    return undefined;
  }
}

/**
 * Wait until the given processes are idle (e.g. a serve process still starting execution environments after a
 * warm-up), so they do not steal CPU from the next measurement; at most `maxMs`. Without /proc it waits one window.
 */
export async function settle(pids, maxMs = 5000) {
  const deadline = Date.now() + maxMs;
  let before = pids.map(cpuTicks);
  if (before.some((value) => value === undefined)) return sleep(WINDOW_MS);
  while (Date.now() < deadline) {
    await sleep(WINDOW_MS);
    const after = pids.map(cpuTicks);
    const used = after.reduce((sum, value, i) => sum + (value - before[i]), 0) / TICKS_PER_SECOND;
    if (used / (WINDOW_MS / 1000) < QUIET_SHARE) return;
    before = after;
  }
}
