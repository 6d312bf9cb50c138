/** No usable response from the origin (D18): refused/reset/invalid → 502, connect or read timeout → 504. */
export class OriginError extends Error {
  constructor(
    readonly status: 502 | 504,
    /** For the developer's log: what happened and with which origin. */
    readonly reason: string,
  ) {
    super(reason);
    this.name = 'OriginError';
  }
}
