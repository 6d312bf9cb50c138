// A plausible mistake: the handler is not `async` and takes no callback, so Lambda's result is null
// (reference §8.4) and CloudFront answers 502: "The JSON output must be an object type."
export const handler = (event) => {
  const request = event.Records[0].cf.request;
  return request;
};
