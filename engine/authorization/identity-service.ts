/**
 * Users, groups and memberships, and password checks with Camunda's login throttling
 * (`DbIdentityServiceProvider.checkPassword`): each failed attempt delays the user's next one
 * (`loginDelayBase` · `loginDelayFactor`^(attempts − 1) seconds, at most `loginDelayMaxTime`), and
 * after `loginMaxAttempts` failures the user is locked. While delayed or locked even the right
 * password fails.
 */

export interface UserRec {
  id: string;
  firstName: string | null;
  lastName: string | null;
  email: string | null;
  /** The password as given, or Camunda's stored form `{SHA-512}<base64>` with `salt`. */
  password: string;
  salt: string | null;
}

export interface GroupRec {
  id: string;
  name: string | null;
  type: string | null;
}

/** `ProcessEngineConfigurationImpl`'s login settings, with Camunda's defaults. */
export interface LoginThrottling {
  loginMaxAttempts: number;
  loginDelayFactor: number;
  /** Seconds. */
  loginDelayMaxTime: number;
  /** Seconds. */
  loginDelayBase: number;
  /**
   * How long, in ms, a user stays locked after `loginMaxAttempts` failures. Camunda keeps the lock
   * until an administrator unlocks the user (`IdentityService.unlockUser`); this server has no user
   * administration, so a lock that never ended would lock demo out until a restart and let anyone
   * who knows a user name shut that user out. Null keeps Camunda's permanent lock.
   */
  lockDurationMs: number | null;
}

export const DEFAULT_LOGIN_THROTTLING: LoginThrottling = {
  loginMaxAttempts: 10,
  loginDelayFactor: 2,
  loginDelayMaxTime: 60,
  loginDelayBase: 3,
  lockDurationMs: 15 * 60_000,
};

interface LockState {
  attempts: number;
  lockExpirationTime: number | null;
}

/** `{SHA-512}`: the prefix `DatabasePrefixHandler` puts before Camunda's default digest. */
const SHA_512_PREFIX = '{SHA-512}';

function toBase64(bytes: Uint8Array): string {
  let binary = '';
  for (const byte of bytes) {
    binary += String.fromCharCode(byte);
  }
  return btoa(binary);
}

/** `Sha512HashDigest` over `password + salt` (`UserEntity.saltPassword`), base64 encoded. */
export async function hashPassword(password: string, salt: string): Promise<string> {
  const digest = await globalThis.crypto.subtle.digest(
    'SHA-512',
    new TextEncoder().encode(password + salt),
  );
  return SHA_512_PREFIX + toBase64(new Uint8Array(digest));
}

/** Compares without an early exit, so timing does not reveal how much of a password matched. */
function safeEqual(a: string, b: string): boolean {
  let difference = a.length ^ b.length;
  for (let i = 0; i < Math.max(a.length, b.length); i++) {
    difference |= (a.charCodeAt(i) || 0) ^ (b.charCodeAt(i) || 0);
  }
  return difference === 0;
}

async function matchPassword(given: string, user: UserRec): Promise<boolean> {
  if (user.password.startsWith(SHA_512_PREFIX)) {
    return safeEqual(await hashPassword(given, user.salt ?? ''), user.password);
  }
  return safeEqual(given, user.password);
}

export class IdentityService {
  private readonly users = new Map<string, UserRec>();
  private readonly groups = new Map<string, GroupRec>();
  /** user id → group ids */
  private readonly memberships = new Map<string, Set<string>>();
  private readonly locks = new Map<string, LockState>();

  constructor(
    private readonly clock: () => number,
    private readonly throttling: LoginThrottling = DEFAULT_LOGIN_THROTTLING,
  ) {}

  /** Replaces every user, group and membership (a users file, or the default users). */
  replaceAll(
    users: readonly UserRec[],
    groups: readonly GroupRec[],
    memberships: readonly [string, string][],
  ): void {
    this.users.clear();
    this.groups.clear();
    this.memberships.clear();
    this.locks.clear();
    for (const user of users) {
      this.users.set(user.id, user);
    }
    for (const group of groups) {
      this.groups.set(group.id, group);
    }
    for (const [userId, groupId] of memberships) {
      this.createMembership(userId, groupId);
    }
  }

  createMembership(userId: string, groupId: string): void {
    const groups = this.memberships.get(userId) ?? new Set<string>();
    groups.add(groupId);
    this.memberships.set(userId, groups);
  }

  user(id: string): UserRec | undefined {
    return this.users.get(id);
  }

  allUsers(): UserRec[] {
    return [...this.users.values()];
  }

  group(id: string): GroupRec | undefined {
    return this.groups.get(id);
  }

  allGroups(): GroupRec[] {
    return [...this.groups.values()];
  }

  /** The groups the user is a member of (`createGroupQuery().groupMember(userId)`). */
  groupIds(userId: string): string[] {
    return [...(this.memberships.get(userId) ?? [])].filter((id) => this.groups.has(id));
  }

  /** Members of the group. */
  memberIds(groupId: string): string[] {
    return [...this.memberships]
      .filter(([, groups]) => groups.has(groupId))
      .map(([userId]) => userId);
  }

  /**
   * `IdentityService.checkPassword`: false for an unknown user, a locked or delayed one, or a wrong
   * password (which delays the user further); the right password resets the count.
   */
  async checkPassword(userId: string, password: string): Promise<boolean> {
    const user = this.users.get(userId);
    if (!user) {
      return false;
    }
    if (this.isUserLocked(userId)) {
      return false;
    }
    if (await matchPassword(password, user)) {
      this.unlockUser(userId);
      return true;
    }
    this.lockUser(userId);
    return false;
  }

  /** `isUserLocked`: locked after `loginMaxAttempts` failures, delayed until the lock expires. */
  isUserLocked(userId: string): boolean {
    const lock = this.locks.get(userId);
    if (!lock) {
      return false;
    }
    const now = this.clock();
    if (lock.attempts >= this.throttling.loginMaxAttempts) {
      const { lockDurationMs } = this.throttling;
      if (lockDurationMs === null || lock.lockExpirationTime === null) {
        return true;
      }
      return now < lock.lockExpirationTime - this.delayMs(lock.attempts) + lockDurationMs;
    }
    return lock.lockExpirationTime !== null && lock.lockExpirationTime > now;
  }

  unlockUser(userId: string): void {
    this.locks.delete(userId);
  }

  private delayMs(attempts: number): number {
    const { loginDelayBase, loginDelayFactor, loginDelayMaxTime } = this.throttling;
    const delay = Math.floor(loginDelayBase * loginDelayFactor ** (attempts - 1));
    return Math.min(delay, loginDelayMaxTime) * 1000;
  }

  private lockUser(userId: string): void {
    const previous = this.locks.get(userId);
    const attempts = (previous?.attempts ?? 0) + 1;
    this.locks.set(userId, { attempts, lockExpirationTime: this.clock() + this.delayMs(attempts) });
  }
}
