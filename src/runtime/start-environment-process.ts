import { spawn } from 'node:child_process';
import type { ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import type { Socket } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { lambdaEnvironment, logStreamName } from './lambda-env.js';
import { packageRoot } from './package-root.js';
import { CHANNEL_FD } from './protocol.js';
import { isPythonRuntime, pythonInterpreter } from './python-interpreter.js';
import type { FunctionSpec } from './types.js';

/** One execution environment's process, started for one function but with no code loaded yet (§8.1). */
export interface EnvironmentProcess {
  readonly child: ChildProcess;
  /** The framed message channel (protocol.ts). */
  readonly channel: Socket;
  /** §8.2: the stream name its variables and context carry. */
  readonly streamName: string;
}

// Environments die with the server, whatever way it ends: a frozen one (SIGSTOP) would never notice on its own.
const running = new Set<ChildProcess>();
process.once('exit', () => {
  for (const child of running) child.kill('SIGKILL');
});

/**
 * Starts a process for an environment of `spec` (§8.2, D46): exactly Lambda's variables, the function's package
 * root as working directory, a TMPDIR of its own (removed when the process ends), and the memory size as V8's heap
 * cap (§8.5; the server also watches the whole process's RSS). It loads nothing until its init message.
 */
export function startEnvironmentProcess(spec: FunctionSpec, bootstrapUrl: URL): EnvironmentProcess {
  const streamName = logStreamName(spec.version);
  const tmpDir = mkdtempSync(join(tmpdir(), 'edge-dev-env-'));
  const [command, args] = bootstrapCommand(spec, bootstrapUrl);
  const child = spawn(command, args, {
    cwd: packageRoot(spec.modulePath),
    env: lambdaEnvironment(spec, streamName, tmpDir),
    stdio: ['ignore', 'pipe', 'pipe', 'pipe'],
  });
  running.add(child);
  child.once('exit', () => {
    running.delete(child);
    rmSync(tmpDir, { recursive: true, force: true });
  });
  const started = { child, channel: child.stdio[CHANNEL_FD] as Socket, streamName };
  unrefEnvironmentProcess(started);
  return started;
}

/** The runtime's bootstrap: Node.js with the heap capped at the memory size, or the host's Python (unbuffered). */
function bootstrapCommand(spec: FunctionSpec, bootstrapUrl: URL): [string, string[]] {
  if (!isPythonRuntime(spec.runtime)) {
    return [process.execPath, ['--enable-source-maps', `--max-old-space-size=${spec.memorySize}`, fileURLToPath(bootstrapUrl)]];
  }
  // A missing interpreter fails the spawn ('error'), which the environment reports as a failed Init.
  const python = pythonInterpreter(spec.runtime) ?? spec.runtime;
  return [python, ['-u', fileURLToPath(new URL('environment.child.py', bootstrapUrl))]];
}

/**
 * An environment keeps the server process alive neither through the process nor through its pipes, from the start:
 * while it works, its Init or invocation timer does. (Ref and unref at every invocation were 8 calls into libuv.)
 */
function unrefEnvironmentProcess({ child, channel }: EnvironmentProcess): void {
  child.unref();
  channel.unref();
  (child.stdout as Socket).unref();
  (child.stderr as Socket).unref();
}
