// Test handler: observable Shutdown (D45) and environment-ending failures (D25); the event says what to do.
let invocations = 0;
process.on('SIGTERM', () => console.log('SIGTERM received after', invocations, 'invocation(s)'));

export const handler = async (event) => {
  invocations += 1;
  const action = event.Records[0].cf.request.uri.slice(1);
  switch (action) {
    case 'sleep':
      await new Promise((resolve) => setTimeout(resolve, 300));
      return { invocations };
    case 'hang':
      await new Promise((resolve) => setTimeout(resolve, 60_000));
      return { invocations };
    case 'spin':
      for (;;);
    case 'stdout':
      process.stdout.write('written to stdout\n');
      await new Promise((resolve) => setTimeout(resolve, 50));
      return { invocations };
    case 'throw':
      throw new TypeError('handler broke');
    case 'exit':
      process.exit(3);
    case 'timer-throw':
      setTimeout(() => {
        throw new RangeError('thrown in a timer');
      }, 1);
      return new Promise(() => {});
    case 'reject-later':
      Promise.reject(new Error('nobody caught this'));
      return new Promise((resolve) => setTimeout(resolve, 1_000));
    case 'oom': {
      const hoard = [];
      for (;;) hoard.push(new Array(1_000_000).fill(hoard.length));
    }
    case 'cycle': {
      const result = { status: '200' };
      result.self = result;
      return result;
    }
    case 'bigint':
      return { status: '200', size: 10n };
    case 'undefined':
      return undefined;
    default:
      return { invocations };
  }
};
