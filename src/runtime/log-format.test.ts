import { describe, expect, it } from 'vitest';
import { endLine, initReportLine, reportLine, runtimeExitLine, startLine, timeoutLine } from './log-format.js';

const id = 'c793869b-ee49-115b-a5b6-4fd21e8dedac';

describe('Lambda platform log lines (§8.6)', () => {
  it('§8.6 START and END name the request id and version', () => {
    expect(startLine(id, '3')).toBe(`START RequestId: ${id} Version: 3`);
    expect(endLine(id)).toBe(`END RequestId: ${id}`);
  });

  it('§8.6 REPORT is tab-separated, bills whole ms and shows Init Duration only when given', () => {
    expect(reportLine(id, 170.19, 128, 73, 213.4, undefined)).toBe(
      `REPORT RequestId: ${id}\tDuration: 170.19 ms\tBilled Duration: 171 ms\tMemory Size: 128 MB\tMax Memory Used: 73 MB\tInit Duration: 213.40 ms`,
    );
    expect(reportLine(id, 0.2, 256, 12, undefined, 'timeout')).toBe(
      `REPORT RequestId: ${id}\tDuration: 0.20 ms\tBilled Duration: 1 ms\tMemory Size: 256 MB\tMax Memory Used: 12 MB\tStatus: timeout`,
    );
  });

  it('§8.6 the timeout line uses spaces and seconds with two decimals', () => {
    expect(timeoutLine(id, 5012, Date.UTC(2019, 5, 7, 19, 11, 20, 562))).toBe(
      `2019-06-07T19:11:20.562Z ${id} Task timed out after 5.01 seconds`,
    );
  });

  it('§8.1 (D25) runtime exit and INIT_REPORT lines', () => {
    expect(runtimeExitLine(id, 'exit status 129', 'Runtime.ExitError')).toBe(
      `RequestId: ${id} Error: Runtime exited with error: exit status 129\nRuntime.ExitError`,
    );
    expect(initReportLine(10000, 'init', 'timeout')).toBe('INIT_REPORT Init Duration: 10000.00 ms\tPhase: init\tStatus: timeout');
    expect(initReportLine(3.5, 'invoke', 'error', 'Runtime.ImportModuleError')).toBe(
      'INIT_REPORT Init Duration: 3.50 ms\tPhase: invoke\tStatus: error\tError Type: Runtime.ImportModuleError',
    );
  });
});
