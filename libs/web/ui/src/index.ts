export * from './lib/language-switch/language-switch';
export * from './lib/chart/chart';
export * from './lib/sla-tag/sla-tag';
export * from './lib/error-alert/error-alert';
export * from './lib/filter-bar/filter-bar';
export * from './lib/form-field/form-field';
export * from './lib/form-actions/form-actions';
export * from './lib/name-description/name-description';
