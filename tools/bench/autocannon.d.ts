// autocannon ships no types: the bench uses its default export with an options object and a callback.
declare module 'autocannon';
