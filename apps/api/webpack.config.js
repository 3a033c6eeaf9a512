// Bundles the API and the workspace libraries it imports into dist/apps/api/main.js; packages from
// node_modules stay external. ts-loader keeps TypeScript's decorator metadata, which Nest's
// dependency injection needs.
const { join } = require('node:path');
const nodeExternals = require('webpack-node-externals');
const { TsconfigPathsPlugin } = require('tsconfig-paths-webpack-plugin');

const root = join(__dirname, '..', '..');
const tsconfig = join(__dirname, 'tsconfig.app.json');

module.exports = (env, argv) => ({
  mode: argv.mode ?? 'production',
  target: 'node',
  entry: join(__dirname, 'src', 'main.ts'),
  devtool: 'source-map',
  optimization: { minimize: false, nodeEnv: false },
  output: { path: join(root, 'dist', 'apps', 'api'), filename: 'main.js', clean: true },
  externalsPresets: { node: true },
  externals: [nodeExternals({ modulesDir: join(root, 'node_modules') })],
  resolve: {
    extensions: ['.ts', '.js', '.json'],
    plugins: [new TsconfigPathsPlugin({ configFile: join(root, 'tsconfig.base.json'), baseUrl: root })],
  },
  module: {
    rules: [{ test: /\.ts$/, loader: 'ts-loader', options: { configFile: tsconfig }, exclude: /node_modules/ }],
  },
  // Nest and TypeORM require() optional packages that we do not use.
  ignoreWarnings: [
    /Critical dependency/,
    /Can't resolve '(@nestjs\/(microservices|websockets)|class-transformer\/storage|@fastify)/,
  ],
  stats: 'errors-warnings',
});
