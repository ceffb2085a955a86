const { swcJestTransform, transformIgnorePatterns } = require('../jest.swc.js');

module.exports = {
  displayName: 'intelligence-api',
  preset: '../jest.preset.js',
  testEnvironment: 'node',
  testTimeout: 60_000,
  transform: swcJestTransform,
  transformIgnorePatterns,
  moduleFileExtensions: ['ts', 'js', 'json'],
  testMatch: ['<rootDir>/**/*.spec.ts', '<rootDir>/**/*.integration-spec.ts'],
  coverageDirectory: '../coverage/intelligence-api',
};
