export * from './lib/auth.module';
export * from './lib/auth-user';
export * from './lib/auth.service';
export * from './lib/current-user.decorator';
export * from './lib/data-scope';
export * from './lib/user.entity';
export * from './lib/users.service';
export type { UserListQuery, UserRow } from './lib/users.repository';
export * from './lib/jwt-secret.repository';
