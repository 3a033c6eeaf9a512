export * from './lib/language-switch/language-switch';
