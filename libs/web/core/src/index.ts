export * from './lib/auth.store';
export * from './lib/auth.guards';
export * from './lib/api.interceptor';
export * from './lib/language.service';
export * from './lib/provide-core';
export * from './lib/translation-loader';
export * from './lib/shown-error';
export * from './lib/calendar-status.store';
