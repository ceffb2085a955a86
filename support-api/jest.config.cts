/* eslint-disable */
const { swcJestTransform } = require('../jest.swc.js');

module.exports = {
  displayName: 'support-api',
  preset: '../jest.preset.js',
  testEnvironment: 'node',
  transform: swcJestTransform,
  moduleFileExtensions: ['ts', 'js', 'json'],
  testMatch: ['<rootDir>/**/*.spec.ts', '<rootDir>/**/*.integration-spec.ts'],
  coverageDirectory: '../coverage/support-api',
};
