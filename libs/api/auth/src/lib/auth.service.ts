import { Injectable, UnauthorizedException } from '@nestjs/common';
import { JwtService } from '@nestjs/jwt';
import { LOGIN_LIMITS, LoginResponse, loginWaitSeconds, TooManyAttemptsError } from '@crm/shared/domain';
import * as argon2 from 'argon2';
import { randomBytes } from 'node:crypto';
import { TokenClaims } from './access.guard';
import { LoginFailuresRepository } from './login-failures.repository';
import { UsersService } from './users.service';

@Injectable()
export class AuthService {
  /**
   * A hash of a random password, made like every user's: an unknown username is checked against it,
   * so it takes as long as a known one and the answer time does not tell which usernames exist.
   */
  private readonly dummyHash = argon2.hash(randomBytes(32).toString('hex'));

  constructor(
    private readonly users: UsersService,
    private readonly failures: LoginFailuresRepository,
    private readonly jwt: JwtService,
  ) {}

  async login(username: string, password: string, clientAddress: string): Promise<LoginResponse> {
    const name = username.toLowerCase();
    await this.recordAttempt(name, clientAddress);
    const user = await this.users.findForLogin(username);
    const valid = await argon2.verify(user?.passwordHash ?? (await this.dummyHash), password);
    if (!user || !valid) throw new UnauthorizedException('Wrong username or password');
    await this.failures.clear(name, clientAddress);
    const claims: TokenClaims = {
      sub: user.id,
      username: user.username,
      displayName: user.displayName,
      role: user.role,
      tv: user.tokenVersion,
    };
    return {
      accessToken: await this.jwt.signAsync(claims),
      user: { id: user.id, username: user.username, displayName: user.displayName, role: user.role },
    };
  }

  /**
   * Counts this attempt as a failure until it succeeds, or refuses it (429) when this username from
   * this address, or this address across usernames, failed too often within the window.
   */
  private async recordAttempt(username: string, address: string): Promise<void> {
    const wait = await this.failures.transaction(async (manager) => {
      await this.failures.lockAddress(manager, address);
      const recent = await this.failures.recent(manager, username, address, LOGIN_LIMITS.windowSeconds);
      const seconds = loginWaitSeconds(recent.sameUser, recent.sameAddress);
      if (seconds === 0) await this.failures.record(manager, username, address);
      return seconds;
    });
    if (wait > 0) throw new TooManyAttemptsError(`Too many failed logins: try again in ${wait} s`);
  }

  /** Removes failed logins that no limit looks at any more. */
  async removeOldFailures(): Promise<{ removed: number }> {
    return { removed: await this.failures.removeOlderThan(LOGIN_LIMITS.windowSeconds * 2) };
  }
}
