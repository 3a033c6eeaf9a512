module.exports = {
  displayName: 'tools-bench',
  preset: '../jest/jest.preset.js',
  testEnvironment: 'node',
  transform: {
    '^.+\\.[tj]s$': ['ts-jest', { tsconfig: '<rootDir>/../cli/tsconfig.json' }],
  },
  moduleFileExtensions: ['ts', 'js'],
};
