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
      help: false,
    });
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
