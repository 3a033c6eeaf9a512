import { CreateUsers1764000000000 } from './1764000000000-create-users';

/** Every migration, oldest first. Add each new one here. */
export const MIGRATIONS = [CreateUsers1764000000000];
