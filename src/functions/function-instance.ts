/**
 * One CloudFront Function loaded into its own `node:vm` context, reused warm. The context has only the language's
 * globals plus what the runtime documents (console.log, require, the modules): no timers, network, file system,
 * process or code generation (dg:functions-javascript-runtime-10, -20 "Restricted features").
 */
import { Buffer } from 'node:buffer';
import { performance } from 'node:perf_hooks';
import { getHeapStatistics } from 'node:v8';
import vm from 'node:vm';
import { builtinModules } from './builtin-modules.js';
import { cloudfrontModule } from './cloudfront-module.js';
import { contextPrelude } from './context-prelude.js';
import { FunctionCodeError, prepareSource, REQUIRE, TICK } from './prepare-source.js';
import { newRunState, type EdgeLocation, type RunState } from './run-state.js';
import type { CloudFrontFunctionSpec, FunctionRunOutcome } from './types.js';
import type { ViewerEventType } from '../event/types.js';

/**
 * ComputeUtilization's 100 % (api:TestResult: "time the function took as a percentage of the maximum allowed time").
 * AWS does not publish the maximum; edge-dev takes 1 ms (docs/fidelity.md).
 */
export const COMPUTE_BUDGET_MS = 1;
/** A run still going after this is stopped with FunctionThrottledError: a runaway loop, not a slow machine. */
export const THROTTLE_AFTER_MS = 50;
/** dg:cloudfront-function-restrictions "Logs": function logs are truncated at 10 KB. */
export const LOG_LIMIT_BYTES = 10 * 1024;
/** dg:cloudfront-limits "Maximum function memory": 2 MB, measured as the V8 heap's growth during a run (D57). */
export const MEMORY_LIMIT_BYTES = 2 * 1024 * 1024;
/** Loop iterations and calls between two reads of the clock and the heap. */
const TICKS_PER_CHECK = 1024;

const THROTTLED = 'The function exceeded the compute limit of CloudFront Functions.';
const OUT_OF_MEMORY = `The function exceeded the memory limit of CloudFront Functions (${MEMORY_LIMIT_BYTES / 1024 / 1024} MB).`;

/** The V8 heap in use (0.5 µs a read, against ~10 µs for process.memoryUsage()). */
function heapUsed(): number {
  return getHeapStatistics().used_heap_size;
}

function formatLogArgument(value: unknown): string {
  if (typeof value === 'string') return value;
  if (typeof value === 'object' && value !== null) {
    try {
      return JSON.stringify(value);
    } catch {
      return String(value);
    }
  }
  return String(value);
}

function appendLog(state: RunState, line: string): void {
  if (state.logBytes >= LOG_LIMIT_BYTES) return;
  const bytes = Buffer.byteLength(line);
  const room = LOG_LIMIT_BYTES - state.logBytes;
  state.logBytes += Math.min(bytes, room);
  state.logs.push(bytes <= room ? line : Buffer.from(line).subarray(0, room).toString('utf8'));
}

export class FunctionInstance {
  private readonly context: vm.Context;
  private readonly run = new vm.Script('__cloudfrontFunctionRun(__cloudfrontFunctionInput)');
  private state: RunState = newRunState('viewer-request', { name: 'LOCAL', serverIp: '127.0.0.1', region: 'us-east-1' });
  private countdown = TICKS_PER_CHECK;

  /** Throws FunctionCodeError when the code would not publish, or when its top level throws. */
  constructor(readonly spec: CloudFrontFunctionSpec) {
    const source = prepareSource(spec.code, spec.runtime);
    this.context = vm.createContext(
      {},
      { name: `CloudFront Function ${spec.name}`, codeGeneration: { strings: false, wasm: false }, microtaskMode: 'afterEvaluate' },
    );
    const modules = builtinModules(spec.runtime);
    const ContextPromise = vm.runInContext('Promise', this.context) as PromiseConstructor;
    if (spec.runtime === 'cloudfront-js-2.0') modules.cloudfront = cloudfrontModule(spec.keyValueStore, this.stateView(), ContextPromise);
    const load = (name: unknown) => {
      if (typeof name === 'string' && Object.hasOwn(modules, name)) return modules[name];
      throw new Error(`Cannot find module "${String(name)}": ${spec.runtime} offers ${Object.keys(modules).join(', ')}.`);
    };
    const globals: Record<string, unknown> = {
      [TICK]: () => this.tick(),
      [REQUIRE]: load,
      require: load,
      console: Object.freeze({ log: (...args: unknown[]) => appendLog(this.state, args.map(formatLogArgument).join(' ')) }),
      __cloudfrontFunctionNow: () => this.state.startedAt,
      __cloudfrontFunctionBytes: (text: string, encoding: string) => Buffer.from(text, encoding as BufferEncoding).toString('latin1'),
      __cloudfrontFunctionInput: '',
    };
    if (spec.runtime === 'cloudfront-js-2.0') globals.Buffer = Buffer;
    for (const [name, value] of Object.entries(globals)) {
      Object.defineProperty(this.context, name, { value, writable: name === '__cloudfrontFunctionInput', enumerable: false, configurable: false });
    }
    vm.runInContext(contextPrelude(spec.runtime), this.context);
    try {
      vm.runInContext(source, this.context, { filename: spec.codePath });
    } catch (error) {
      throw new FunctionCodeError(`the code fails when it loads: ${(error as Error).message}`, lineInStack(error, spec.codePath));
    }
    if (vm.runInContext('typeof handler', this.context) !== 'function') {
      throw new FunctionCodeError('no `function handler(event)` is declared at the top level.', 1);
    }
  }

  /** Live view of the current run's state for the `cloudfront` module, which is built once. */
  private stateView(): RunState {
    return new Proxy({} as RunState, { get: (_target, key) => this.state[key as keyof RunState] });
  }

  private tick(): void {
    if (--this.countdown > 0) return;
    this.countdown = TICKS_PER_CHECK;
    const { state } = this;
    if (!state.outOfMemory && heapUsed() - state.heapAtStart > MEMORY_LIMIT_BYTES) state.outOfMemory = true;
    if (!state.throttled && !state.outOfMemory && performance.now() > state.deadline) state.throttled = true;
    if (state.throttled || state.outOfMemory) {
      // Every later check throws too, so a loop that catches the error still ends.
      this.countdown = 1;
      throw new Error(state.outOfMemory ? OUT_OF_MEMORY : THROTTLED);
    }
  }

  /** One invocation with the event as JSON text. Synchronous: the function cannot wait for anything outside itself. */
  invoke(eventJson: string, eventType: ViewerEventType, edgeLocation: EdgeLocation): FunctionRunOutcome & { originChanges: RunState['originChanges'] } {
    const state = newRunState(eventType, edgeLocation);
    this.state = state;
    this.countdown = TICKS_PER_CHECK;
    const started = performance.now();
    state.deadline = started + THROTTLE_AFTER_MS;
    state.heapAtStart = heapUsed();
    (this.context as Record<string, unknown>).__cloudfrontFunctionInput = eventJson;
    let out: { done: boolean; json?: string; error?: string; unserialisable?: string };
    try {
      out = this.run.runInContext(this.context) as typeof out;
    } catch (error) {
      out = { done: true, error: String((error as Error)?.stack ?? error) };
    }
    const durationMs = performance.now() - started;
    const base = {
      logs: state.logs,
      durationMs,
      computeUtilization: Math.min(100, Math.round((durationMs / COMPUTE_BUDGET_MS) * 100)),
      originChanges: state.originChanges,
    };
    // D57: growth past the limit found at the end (one big allocation between two checks) fails the run as well.
    if (state.outOfMemory || heapUsed() - state.heapAtStart > MEMORY_LIMIT_BYTES) return { ...base, ok: false, error: { kind: 'FunctionExecutionError', message: OUT_OF_MEMORY } };
    if (state.throttled) return { ...base, ok: false, error: { kind: 'FunctionThrottledError', message: THROTTLED } };
    if (out.error !== undefined) return { ...base, ok: false, error: { kind: 'FunctionExecutionError', message: this.errorText(out.error) } };
    if (!out.done) {
      return { ...base, ok: false, error: { kind: 'FunctionExecutionError', message: 'The handler returned a promise that never settled.' } };
    }
    if (out.unserialisable !== undefined) return { ...base, ok: true, result: new UnserialisableResult(out.unserialisable) };
    return { ...base, ok: true, result: out.json === undefined ? undefined : (JSON.parse(out.json) as unknown) };
  }

  /** `TypeError: ...` and the first frame in the function's own file, as CloudFront's error message reads. */
  private errorText(stack: string): string {
    const lines = stack.split('\n');
    const frame = lines.find((line) => line.includes(this.spec.codePath));
    return frame ? `${lines[0]}\n${frame}` : lines[0]!;
  }
}

/** A result JSON.stringify refused (a cycle, a BigInt): CloudFront cannot read it. */
export class UnserialisableResult {
  constructor(readonly reason: string) {}
}

function lineInStack(error: unknown, file: string): number {
  const match = new RegExp(`${file.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}:(\\d+)`).exec(String((error as Error)?.stack ?? ''));
  return match ? Number(match[1]) : 1;
}

const loaded = new WeakMap<CloudFrontFunctionSpec, FunctionInstance>();

/** The warm instance of a function, loaded on first use. */
export function loadFunction(spec: CloudFrontFunctionSpec): FunctionInstance {
  let instance = loaded.get(spec);
  if (!instance) {
    instance = new FunctionInstance(spec);
    loaded.set(spec, instance);
  }
  return instance;
}
