import { spawn } from 'node:child_process';

const READY_TIMEOUT_MS = 30_000;

/**
 * Start `node <script> ...args` in its own process and wait for the line `... listening on http://HOST:PORT`
 * (the first one if several are printed). Resolves with the URL and a stop() that sends SIGTERM and waits.
 */
export function startNodeProcess(script, args = [], { env, nodeArgs = [], pattern = /edge listening on (http:\/\/\S+)|^listening on (http:\/\/\S+)/m } = {}) {
  const child = spawn(process.execPath, [...nodeArgs, script, ...args], {
    stdio: ['ignore', 'pipe', 'pipe'],
    env: { ...process.env, ...env },
  });
  let stdout = '';
  let stderr = '';
  child.stderr.on('data', (chunk) => {
    stderr = (stderr + chunk).slice(-4000);
  });
  const exited = new Promise((resolve) => child.once('exit', (code, signal) => resolve(code ?? signal)));
  const ready = new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`${script} did not print its listening line in ${READY_TIMEOUT_MS} ms\n${stderr}`)), READY_TIMEOUT_MS);
    child.stdout.on('data', (chunk) => {
      stdout += chunk;
      const match = pattern.exec(stdout);
      if (match) {
        clearTimeout(timer);
        resolve(match[1] ?? match[2]);
      }
    });
    exited.then((code) => {
      clearTimeout(timer);
      reject(new Error(`${script} exited (${code}) before listening\n${stderr}`));
    });
  });
  return ready.then((url) => ({
    url,
    pid: child.pid,
    child,
    stderr: () => stderr,
    async stop() {
      if (child.exitCode === null && child.signalCode === null) {
        child.kill('SIGTERM');
        const timer = setTimeout(() => child.kill('SIGKILL'), 5000);
        await exited;
        clearTimeout(timer);
      }
    },
  }));
}

/** Run `node <script> ...args` to completion; resolves with the last JSON line it printed on stdout. */
export function runNodeJson(script, args = [], { env, timeoutMs = 120_000 } = {}) {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [script, ...args], { stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, ...env } });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk) => (stdout += chunk));
    child.stderr.on('data', (chunk) => (stderr = (stderr + chunk).slice(-4000)));
    const timer = setTimeout(() => child.kill('SIGKILL'), timeoutMs);
    child.once('exit', (code, signal) => {
      clearTimeout(timer);
      const line = stdout.trim().split('\n').reverse().find((text) => text.trimStart().startsWith('{'));
      if (code !== 0 || line === undefined) {
        reject(new Error(`${script} exited ${code ?? signal}${line === undefined ? ' without a JSON line' : ''}\n${stderr}`));
        return;
      }
      try {
        resolve(JSON.parse(line));
      } catch (error) {
        reject(new Error(`${script}: the last JSON line does not parse (${error.message}): ${line}`));
      }
    });
  });
}
