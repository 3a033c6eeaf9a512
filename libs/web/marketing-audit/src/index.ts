export * from './lib/marketing-audit.routes';
export * from './lib/components/findings-to-rectify';
