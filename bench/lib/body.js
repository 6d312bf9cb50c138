/** The 1 KB object every throughput scenario serves: 1,024 bytes of printable text. */
export const BODY_1KB = Buffer.from('edge-dev benchmark object. '.repeat(40).slice(0, 1024));
