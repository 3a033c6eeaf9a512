import { DynamicModule, Global, Module, OnModuleInit } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { JwtModule } from '@nestjs/jwt';
import { TypeOrmModule } from '@nestjs/typeorm';
import { JobsService } from '@crm/api/jobs';
import { createSecretKey } from 'node:crypto';
import { AccessGuard } from './access.guard';
import { AuthController } from './auth.controller';
import { AuthService } from './auth.service';
import { LoginFailuresRepository } from './login-failures.repository';
import { TokenStates } from './token-states';
import { UserEntity } from './user.entity';
import { UsersRepository } from './users.repository';
import { UsersService } from './users.service';

export interface AuthOptions {
  jwtSecret: string;
  /** Lifetime of an access token, e.g. `8h`. */
  jwtExpiresIn: string;
}

/** Users, login and the global access guard (authentication + declared roles). */
@Global()
@Module({})
export class AuthModule implements OnModuleInit {
  constructor(
    private readonly jobs: JobsService,
    private readonly auth: AuthService,
  ) {}

  static forRoot(options: AuthOptions): DynamicModule {
    return {
      module: AuthModule,
      imports: [
        TypeOrmModule.forFeature([UserEntity]),
        JwtModule.register({
          // A key object made once: given the string, jsonwebtoken first tries it as a PEM public key on every
          // verification and builds the secret key only after that throws (7 % of the API's CPU under load).
          secret: createSecretKey(Buffer.from(options.jwtSecret)),
          signOptions: { expiresIn: options.jwtExpiresIn as never },
        }),
      ],
      controllers: [AuthController],
      providers: [
        AuthService,
        UsersService,
        UsersRepository,
        LoginFailuresRepository,
        TokenStates,
        { provide: APP_GUARD, useClass: AccessGuard },
      ],
      exports: [UsersService],
    };
  }

  onModuleInit(): void {
    this.jobs.every('login-failures-cleanup', '*/15 * * * *', () => this.auth.removeOldFailures());
  }
}
