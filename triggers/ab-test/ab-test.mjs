// viewer-request: A/B test by cookie, after AWS's "A/B testing" example. The viewer keeps the same URL; the
// request is rewritten to the variant before the cache key is computed, so each variant is cached separately.
const EXPERIMENT_URI = '/experiment.html';
const VARIANTS = { A: '/experiment/a.html', B: '/experiment/b.html' };
const COOKIE = 'X-Experiment-Name';

function variantFromCookies(headers) {
  // A viewer may send several Cookie headers; each entry holds "name=value; name2=value2".
  for (const { value } of headers.cookie ?? []) {
    for (const part of value.split(';')) {
      const [name, variant] = part.trim().split('=');
      if (name === COOKIE && variant in VARIANTS) return variant;
    }
  }
  return undefined;
}

export const handler = async (event) => {
  const request = event.Records[0].cf.request;
  if (request.uri !== EXPERIMENT_URI) return request;

  // No cookie yet: pick a group at random (a real site would also set the cookie in viewer-response).
  const variant = variantFromCookies(request.headers) ?? (Math.random() < 0.5 ? 'A' : 'B');
  request.uri = VARIANTS[variant];
  return request;
};
