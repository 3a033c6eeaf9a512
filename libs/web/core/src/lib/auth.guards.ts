import { inject } from '@angular/core';
import { CanActivateFn, Router } from '@angular/router';
import { Role } from '@crm/shared/domain';
import { AuthStore } from './auth.store';

/** Only for logged-in users; others go to the login page. */
export const authGuard: CanActivateFn = () => {
  const auth = inject(AuthStore);
  return auth.isLoggedIn() ? true : inject(Router).createUrlTree(['/login']);
};

/** Only for the given roles; others go to their own home page. */
export function roleGuard(roles: readonly Role[]): CanActivateFn {
  return () => {
    const auth = inject(AuthStore);
    return auth.hasRole(roles) ? true : inject(Router).parseUrl(auth.homeUrl());
  };
}

/** Sends `/` to the home page of the logged-in user's role. */
export const homeRedirectGuard: CanActivateFn = () => inject(Router).parseUrl(inject(AuthStore).homeUrl());
