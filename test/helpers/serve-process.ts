import { spawn } from 'node:child_process';
import type { ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';
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
  const match = /^VmRSS:\s+(\d+) kB$/m.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
  if (!match) throw new Error(`no VmRSS for process ${pid}`);
  return Number(match[1]);
}
