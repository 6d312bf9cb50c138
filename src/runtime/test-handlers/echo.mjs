// Test handler: reports what the execution environment shows it (§8.2, §8.3) and counts warm invocations.
let invocations = 0;
const loadedAt = Date.now();
console.log('init at', loadedAt);

export const handler = async (event, context) => {
  invocations += 1;
  console.log('invocation %d of %s', invocations, context.functionName);
  console.warn('a warning\nover two lines');
  console.error('an error');
  console.debug('debug', { deep: 1 });
  return {
    invocations,
    loadedAt,
    uri: event.Records[0].cf.request.uri,
    env: { ...process.env },
    context: {
      functionName: context.functionName,
      functionVersion: context.functionVersion,
      invokedFunctionArn: context.invokedFunctionArn,
      memoryLimitInMB: context.memoryLimitInMB,
      awsRequestId: context.awsRequestId,
      logGroupName: context.logGroupName,
      logStreamName: context.logStreamName,
      callbackWaitsForEmptyEventLoop: context.callbackWaitsForEmptyEventLoop,
      remaining: context.getRemainingTimeInMillis(),
      hasIdentity: 'identity' in context,
      identity: context.identity === undefined ? 'undefined' : 'defined',
      clientContext: context.clientContext === undefined ? 'undefined' : 'defined',
    },
  };
};
