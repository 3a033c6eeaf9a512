export * from './lib/configure-http';
export * from './lib/error.filter';
export * from './lib/page-query.dto';
export * from './lib/access.decorators';
export * from './lib/table-export';
export * from './lib/request-input';
export * from './lib/params';
export * from './lib/validators';
