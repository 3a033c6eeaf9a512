module.exports = {
  displayName: 'tools-test',
  preset: '../jest/jest.preset.js',
  testEnvironment: 'node',
  testMatch: ['<rootDir>/*.spec.ts'],
  transform: {
    '^.+\\.ts$': ['ts-jest', { tsconfig: '<rootDir>/tsconfig.json' }],
  },
  moduleFileExtensions: ['ts', 'js', 'cjs'],
};
