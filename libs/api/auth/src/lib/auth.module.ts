import { DynamicModule, Global, Module } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { JwtModule } from '@nestjs/jwt';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AccessGuard } from './access.guard';
import { AuthController } from './auth.controller';
import { AuthService } from './auth.service';
import { UserEntity } from './user.entity';
import { UsersService } from './users.service';

export interface AuthOptions {
  jwtSecret: string;
  /** Lifetime of an access token, e.g. `8h`. */
  jwtExpiresIn: string;
}

/** Users, login and the global access guard (authentication + declared roles). */
@Global()
@Module({})
export class AuthModule {
  static forRoot(options: AuthOptions): DynamicModule {
    return {
      module: AuthModule,
      imports: [
        TypeOrmModule.forFeature([UserEntity]),
        JwtModule.register({
          secret: options.jwtSecret,
          signOptions: { expiresIn: options.jwtExpiresIn as never },
        }),
      ],
      controllers: [AuthController],
      providers: [AuthService, UsersService, { provide: APP_GUARD, useClass: AccessGuard }],
      exports: [UsersService],
    };
  }
}
