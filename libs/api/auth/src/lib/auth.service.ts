import { Injectable, UnauthorizedException } from '@nestjs/common';
import { JwtService } from '@nestjs/jwt';
import { LoginResponse } from '@crm/shared/domain';
import * as argon2 from 'argon2';
import { TokenClaims } from './access.guard';
import { LoginAttempts } from './login-attempts';
import { UsersService } from './users.service';

@Injectable()
export class AuthService {
  private readonly attempts = new LoginAttempts();

  constructor(
    private readonly users: UsersService,
    private readonly jwt: JwtService,
  ) {}

  async login(username: string, password: string, clientAddress: string): Promise<LoginResponse> {
    const key = `${clientAddress}|${username.toLowerCase()}`;
    this.attempts.check(key);
    const user = await this.users.findForLogin(username);
    const valid = user ? await argon2.verify(user.passwordHash, password) : false;
    if (!user || !valid) {
      this.attempts.fail(key);
      throw new UnauthorizedException('Wrong username or password');
    }
    this.attempts.succeed(key);
    const claims: TokenClaims = {
      sub: user.id,
      username: user.username,
      displayName: user.displayName,
      role: user.role,
    };
    return {
      accessToken: await this.jwt.signAsync(claims),
      user: { id: user.id, username: user.username, displayName: user.displayName, role: user.role },
    };
  }
}
