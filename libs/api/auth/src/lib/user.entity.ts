import { Role } from '@crm/shared/domain';
import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn, UpdateDateColumn, VersionColumn } from 'typeorm';

@Entity('users')
export class UserEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ unique: true })
  username!: string;

  @Column({ name: 'display_name' })
  displayName!: string;

  @Column({ type: 'text' })
  role!: Role;

  @Column({ name: 'password_hash', select: false })
  passwordHash!: string;

  @Column({ default: true })
  active!: boolean;

  /** Optimistic locking: every change adds one; an update carries the version it read. */
  @VersionColumn()
  version!: number;

  /** Carried by every access token; bumped when the user is deactivated or changes role or password. */
  @Column({ name: 'token_version', default: 1 })
  tokenVersion!: number;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt!: Date;
}
