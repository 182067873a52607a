import { describe, expect, it } from 'vitest';
import { IdentityService, hashPassword } from './identity-service';

function withClock(start = 0) {
  const clock = { now: start };
  const identity = new IdentityService(() => clock.now, {
    loginMaxAttempts: 3,
    loginDelayFactor: 2,
    loginDelayMaxTime: 60,
    loginDelayBase: 3,
    lockDurationMs: 600_000,
  });
  identity.replaceAll(
    [{ id: 'demo', password: 'demo', salt: null, firstName: null, lastName: null, email: null }],
    [],
    [],
  );
  return { clock, identity };
}

describe('IdentityService.checkPassword', () => {
  it('delays a user after a wrong password, even for the right one, by 3, 6, … seconds', async () => {
    const { clock, identity } = withClock();
    expect(await identity.checkPassword('demo', 'wrong')).toBe(false);
    expect(await identity.checkPassword('demo', 'demo')).toBe(false);
    clock.now += 2_999;
    expect(await identity.checkPassword('demo', 'demo')).toBe(false);
    clock.now += 1;
    expect(await identity.checkPassword('demo', 'wrong')).toBe(false);
    clock.now += 5_999;
    expect(identity.isUserLocked('demo')).toBe(true);
    clock.now += 1;
    // The right password resets the count.
    expect(await identity.checkPassword('demo', 'demo')).toBe(true);
    expect(await identity.checkPassword('demo', 'wrong')).toBe(false);
    clock.now += 3_000;
    expect(await identity.checkPassword('demo', 'demo')).toBe(true);
  });

  it('locks the user after loginMaxAttempts failures, here for ten minutes', async () => {
    const { clock, identity } = withClock();
    for (const wait of [3_000, 6_000, 0]) {
      expect(await identity.checkPassword('demo', 'wrong')).toBe(false);
      clock.now += wait;
    }
    clock.now += 60_000;
    expect(await identity.checkPassword('demo', 'demo')).toBe(false);
    clock.now += 600_000;
    expect(await identity.checkPassword('demo', 'demo')).toBe(true);
  });

  it('refuses an unknown user without counting, and checks Camunda-style salted hashes', async () => {
    const { identity } = withClock();
    expect(await identity.checkPassword('nobody', 'x')).toBe(false);
    identity.replaceAll(
      [
        {
          id: 'ops',
          password: await hashPassword('s3cret', 'pepper'),
          salt: 'pepper',
          firstName: null,
          lastName: null,
          email: null,
        },
      ],
      [{ id: 'g', name: null, type: null }],
      [['ops', 'g']],
    );
    expect((await hashPassword('s3cret', 'pepper')).startsWith('{SHA-512}')).toBe(true);
    expect(await identity.checkPassword('ops', 's3cret')).toBe(true);
    expect(identity.groupIds('ops')).toEqual(['g']);
  });
});
