import { Injectable } from '@nestjs/common';
import { UsersRepository } from './users.repository';

export interface TokenState {
  active: boolean;
  tokenVersion: number;
}

/** How long a user's state is kept in this process before it is read again. */
export const TOKEN_STATE_TTL_MS = 5_000;

/**
 * The users' active flag and token version as the access guard checks them on every request, read
 * through a short in-process cache. A change made by this instance forgets its entry at once; another
 * instance sees it when its entry expires, so a deactivated user's token stops working everywhere
 * within TOKEN_STATE_TTL_MS.
 */
@Injectable()
export class TokenStates {
  private readonly cache = new Map<string, { state: TokenState | null; expiresAt: number }>();

  constructor(private readonly users: UsersRepository) {}

  async get(userId: string): Promise<TokenState | null> {
    const now = Date.now();
    const cached = this.cache.get(userId);
    if (cached && cached.expiresAt > now) return cached.state;
    const state = await this.users.tokenState(userId);
    this.cache.set(userId, { state, expiresAt: now + TOKEN_STATE_TTL_MS });
    return state;
  }

  forget(userId: string): void {
    this.cache.delete(userId);
  }
}
