import { describe, expect, it } from 'vitest';
import { functionSpecForModule } from './function-spec.js';
import { lambdaEnvironment, logStreamName } from './lambda-env.js';

describe('Lambda environment variables (§8.2)', () => {
  it('§8.2 (D46) holds exactly the reserved variables, plus the function\'s own credentials', () => {
    const spec = functionSpecForModule('/srv/edge/auth.mjs#check', {
      name: 'auth',
      version: '7',
      region: 'eu-west-1',
      environment: { AWS_ACCESS_KEY_ID: 'AKIAEXAMPLE', AWS_SECRET_ACCESS_KEY: 'secret' },
    });
    const env = lambdaEnvironment(spec, '2026/01/02/[7]0123456789abcdef0123456789abcdef');
    expect(env).toEqual({
      _HANDLER: 'auth.check',
      AWS_REGION: 'eu-west-1',
      AWS_DEFAULT_REGION: 'eu-west-1',
      AWS_EXECUTION_ENV: 'AWS_Lambda_nodejs20.x',
      AWS_LAMBDA_FUNCTION_NAME: 'us-east-1.auth',
      AWS_LAMBDA_FUNCTION_MEMORY_SIZE: '128',
      AWS_LAMBDA_FUNCTION_VERSION: '7',
      AWS_LAMBDA_INITIALIZATION_TYPE: 'on-demand',
      AWS_LAMBDA_LOG_GROUP_NAME: '/aws/lambda/us-east-1.auth',
      AWS_LAMBDA_LOG_STREAM_NAME: '2026/01/02/[7]0123456789abcdef0123456789abcdef',
      LAMBDA_TASK_ROOT: '/srv/edge',
      LAMBDA_RUNTIME_DIR: '/var/runtime',
      TZ: ':UTC',
      LANG: 'en_US.UTF-8',
      PATH: '/var/lang/bin:/usr/local/bin:/usr/bin/:/bin:/opt/bin',
      NODE_PATH: '/srv/edge',
      AWS_ACCESS_KEY_ID: 'AKIAEXAMPLE',
      AWS_SECRET_ACCESS_KEY: 'secret',
    });
  });

  it('§8.2 log stream names are YYYY/MM/DD/[version]<32 hex>', () => {
    const name = logStreamName('$LATEST', new Date(Date.UTC(2026, 0, 2)));
    expect(name).toMatch(/^2026\/01\/02\/\[\$LATEST\][0-9a-f]{32}$/);
    expect(logStreamName('3')).not.toBe(logStreamName('3'));
  });
});
