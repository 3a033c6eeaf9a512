export * from './lib/segments.api';
export * from './lib/segments.routes';
export { describeRule } from './lib/rule-text';
export { MarketingHomePage } from './lib/pages/marketing-home.page';
