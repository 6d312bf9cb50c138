import { spawn } from 'node:child_process';
import type { ChildProcess } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

export const BIN = join(import.meta.dirname, '..', '..', 'bin', 'edge-dev.js');

export interface ServeProcess {
  child: ChildProcess;
  /** Resolves with the two URLs once both listening lines are printed; rejects if the process exits first. */
  ready: Promise<{ edge: string; control: string }>;
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
  output(): { stdout: string; stderr: string };
}

/** `edge-dev serve` as users start it: a real child process (`bin/edge-dev.js`, the compiled product). */
export function spawnServe(args: string[], options: { cwd?: string; env?: NodeJS.ProcessEnv } = {}): ServeProcess {
  const child = spawn(process.execPath, [BIN, 'serve', ...args], { cwd: options.cwd, env: options.env ?? process.env, stdio: ['ignore', 'pipe', 'pipe'] });
  let stdout = '';
  let stderr = '';
  child.stdout!.on('data', (chunk) => (stdout += chunk));
  child.stderr!.on('data', (chunk) => (stderr += chunk));
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) =>
    child.on('exit', (code, signal) => resolve({ code, signal })),
  );
  const ready = new Promise<{ edge: string; control: string }>((resolve, reject) => {
    child.stdout!.on('data', () => {
      const edge = /edge listening on (http:\/\/\S+)/.exec(stdout)?.[1];
      const control = /control API listening on (http:\/\/\S+)/.exec(stdout)?.[1];
      if (edge && control) resolve({ edge, control });
    });
    void exited.then(({ code }) => reject(new Error(`serve exited ${code} before listening: ${stderr}`)));
  });
  ready.catch(() => {}); // callers that expect an early exit await `exited`
  return { child, ready, exited, output: () => ({ stdout, stderr }) };
}

/** Resident set size of a live process in KiB (Linux `/proc/<pid>/status` VmRSS). */
export function rssKiB(pid: number): number {
  return statusKiB(pid, 'VmRSS');
}

/** The largest resident set the process has had, in KiB (VmHWM). */
export function peakRssKiB(pid: number): number {
  return statusKiB(pid, 'VmHWM');
}

function statusKiB(pid: number, field: string): number {
  const match = new RegExp(`^${field}:\\s+(\\d+) kB$`, 'm').exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
  if (!match) throw new Error(`no ${field} for process ${pid}`);
  return Number(match[1]);
}

/** The live child processes of `pid` with their RSS (for `serve`: its execution environments and spares). */
export function childProcesses(pid: number): { pid: number; rssKiB: number }[] {
  const children: { pid: number; rssKiB: number }[] = [];
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = readFileSync(`/proc/${entry}/stat`, 'utf8');
      if (Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]) === pid) children.push({ pid: Number(entry), rssKiB: rssKiB(Number(entry)) });
    } catch {
      // The process ended while we looked.
    }
  }
  return children;
}
