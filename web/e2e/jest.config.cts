const { swcJestTransform } = require('../../jest.swc.js');

// Browser tests: both APIs built and started on fresh databases, the console driven in Chromium.
module.exports = {
  displayName: 'e2e',
  rootDir: __dirname,
  testEnvironment: 'node',
  resolver: '@nx/jest/plugins/resolver',
  transform: swcJestTransform,
  moduleFileExtensions: ['ts', 'js', 'json'],
  testMatch: ['<rootDir>/**/*.e2e-spec.ts'],
  globalSetup: '<rootDir>/support/global-setup.ts',
  globalTeardown: '<rootDir>/support/global-teardown.ts',
  testTimeout: 120_000,
};
