const { swcJestTransform, transformIgnorePatterns } = require('../../jest.swc.js');

module.exports = {
  displayName: 'testing',
  preset: '../../jest.preset.js',
  testEnvironment: 'node',
  transform: swcJestTransform,
  transformIgnorePatterns,
  moduleFileExtensions: ['ts', 'js', 'json'],
  testMatch: ['<rootDir>/**/*.spec.ts', '<rootDir>/**/*.integration-spec.ts'],
  coverageDirectory: '../../coverage/libs/testing',
};
