import { get } from 'node:http';

/**
 * One GET with only a Host header, exactly as the autocannon load sends it (so it has the same cache key; a fetch()
 * would add Accept-Encoding, which CachingOptimized puts in the key). Resolves with status, headers and X-Cache.
 */
export function probe(url) {
  return new Promise((resolve, reject) => {
    const request = get(url, { agent: false }, (response) => {
      const chunks = [];
      response.on('data', (chunk) => chunks.push(chunk));
      response.on('end', () => {
        const headers = [];
        for (let i = 0; i < response.rawHeaders.length; i += 2) headers.push([response.rawHeaders[i].toLowerCase(), response.rawHeaders[i + 1]]);
        resolve({ status: response.statusCode, headers, xCache: response.headers['x-cache'], body: Buffer.concat(chunks) });
      });
      response.on('error', reject);
    });
    request.on('error', reject);
  });
}
