import { describe, expect, it } from 'vitest';
import { CliUsageError, parseCliOptions } from './cli-options';

describe('parseCliOptions', () => {
  it('defaults to 127.0.0.1:8080 with demo, job executor and console', () => {
    expect(parseCliOptions([], {})).toEqual({
      port: 8080,
      host: '127.0.0.1',
      demo: true,
      jobExecutor: true,
      console: true,
      auth: true,
      authorization: true,
      usersFile: null,
      historyLevel: 'full',
      enforceHistoryTimeToLive: false,
      maxBodyBytes: 10 * 1024 * 1024,
      frameAncestors: undefined,
      help: false,
    });
  });

  it('reads the body size limit as bytes or with a unit, and who may frame the console', () => {
    expect(parseCliOptions(['--max-body-size', '512kb'], {}).maxBodyBytes).toBe(512 * 1024);
    expect(parseCliOptions(['--max-body-size=2048'], {}).maxBodyBytes).toBe(2048);
    expect(parseCliOptions([], { MAX_BODY_SIZE: '20mb' }).maxBodyBytes).toBe(20 * 1024 * 1024);
    expect(() => parseCliOptions(['--max-body-size', 'lots'], {})).toThrow(
      '--max-body-size: not a size: lots (e.g. 10485760, 512kb, 10mb)',
    );
    expect(parseCliOptions([], { FRAME_ANCESTORS: "'self'" }).frameAncestors).toBe("'self'");
  });

  it('reads --no-authorization and the users file, from --users or CONSOLE_USERS_FILE', () => {
    expect(parseCliOptions(['--no-authorization'], {}).authorization).toBe(false);
    expect(parseCliOptions(['--users', 'u.json'], {}).usersFile).toBe('u.json');
    expect(parseCliOptions([], { CONSOLE_USERS_FILE: 'e.json' }).usersFile).toBe('e.json');
    expect(parseCliOptions(['--users=u.json'], { CONSOLE_USERS_FILE: 'e.json' }).usersFile).toBe(
      'u.json',
    );
  });

  it('reads the engine profiles: no authentication, history level, enforced time to live', () => {
    expect(
      parseCliOptions(
        ['--no-auth', '--history-level', 'audit', '--enforce-history-time-to-live'],
        {},
      ),
    ).toMatchObject({ auth: false, historyLevel: 'audit', enforceHistoryTimeToLive: true });
    expect(parseCliOptions(['--history-level=none'], {}).historyLevel).toBe('none');
    expect(() => parseCliOptions(['--history-level', 'verbose'], {})).toThrow(
      '--history-level: not a history level: verbose (one of none, activity, audit, full)',
    );
  });

  it('reads flags, with values given separately or after =', () => {
    const options = parseCliOptions(
      ['--port', '8181', '--host=0.0.0.0', '--no-demo', '--no-job-executor', '--no-console'],
      { PORT: '9000' },
    );
    expect(options).toMatchObject({
      port: 8181,
      host: '0.0.0.0',
      demo: false,
      jobExecutor: false,
      console: false,
    });
  });

  it('takes the port from PORT when no flag gives one', () => {
    expect(parseCliOptions([], { PORT: '9000' }).port).toBe(9000);
  });

  it('rejects unknown options and bad ports', () => {
    expect(() => parseCliOptions(['--verbose'], {})).toThrow(CliUsageError);
    expect(() => parseCliOptions(['--port', 'http'], {})).toThrow('not a port');
    expect(() => parseCliOptions(['--port'], {})).toThrow('needs a value');
  });
});
