// Test handler: callback style (§8.4), callbackWaitsForEmptyEventLoop, and the forgotten `async`.
exports.waits = (event, context, callback) => {
  setTimeout(() => console.log('timer ran before the end'), 50);
  callback(null, { style: 'callback' });
};

exports.noWait = (event, context, callback) => {
  context.callbackWaitsForEmptyEventLoop = false;
  setTimeout(() => console.log('timer after the end'), 200);
  callback(null, { style: 'no-wait' });
};

exports.fails = (event, context, callback) => {
  callback(new Error('called back with an error'));
};

exports.forgotAsync = (event, context, callback) => {
  return { status: '200' };
};

exports.later = (event, context, callback) => {
  setTimeout(() => callback(null, { style: 'later' }), 20);
};

exports.forgotAsyncTwoArgs = (event, context) => ({ status: '200' });
