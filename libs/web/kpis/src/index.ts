export * from './lib/kpis.routes';
export * from './lib/pages/cockpit.page';
export * from './lib/pages/glossary.page';
