// CloudFront Function, cloudfront-js-2.0, viewer-request. After AWS's key value store example
// (dg:kvs-with-functions): a path found in the store is redirected to the value stored for it.
import cf from 'cloudfront';

const kvs = cf.kvs();

async function handler(event) {
  const request = event.request;
  let target;
  try {
    target = await kvs.get(request.uri);
  } catch (error) {
    // dg:functions-custom-methods: get() fails for a key that is not in the store.
    return request;
  }
  return {
    statusCode: 301,
    statusDescription: 'Moved Permanently',
    headers: { location: { value: target }, 'cache-control': { value: 'max-age=3600' } },
  };
}
