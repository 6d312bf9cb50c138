import { spawn } from 'node:child_process';
import type { ChildProcess } from 'node:child_process';
import { join } from 'node:path';

export const BIN = join(import.meta.dirname, '..', '..', 'bin', 'edge-dev.js');

export interface ServeProcess {
  child: ChildProcess;
  /** Both listening lines printed: the edge and control API base URLs. */
  ready: Promise<{ edge: string; control: string }>;
  exited: Promise<number | null>;
  output(): { stdout: string; stderr: string };
}

/** `edge-dev serve ARGS` as users start it (`node bin/edge-dev.js`), from `cwd`. */
export function spawnServe(args: string[], cwd?: string): ServeProcess {
  const child = spawn(process.execPath, [BIN, 'serve', ...args], { cwd, stdio: ['ignore', 'pipe', 'pipe'] });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (chunk) => (stdout += chunk));
  child.stderr.on('data', (chunk) => (stderr += chunk));
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  const ready = new Promise<{ edge: string; control: string }>((resolve, reject) => {
    child.stdout.on('data', () => {
      const edge = /edge listening on (http:\/\/\S+)/.exec(stdout)?.[1];
      const control = /control API listening on (http:\/\/\S+)/.exec(stdout)?.[1];
      if (edge && control) resolve({ edge, control });
    });
    void exited.then((code) => reject(new Error(`serve exited ${code}: ${stderr}`)));
  });
  ready.catch(() => {});
  return { child, ready, exited, output: () => ({ stdout, stderr }) };
}
