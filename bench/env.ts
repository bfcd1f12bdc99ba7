import Module from 'node:module';

/**
 * Imported first: the @grafana packages load as their production build (their development helpers
 * assume a browser), Node 20 gets the minimal `navigator` they read at import time, and the style
 * sheets @grafana/ui requires (the data source's editors import it) load as nothing.
 */
process.env.NODE_ENV = 'production';

const globals = globalThis as unknown as {
  navigator?: { userAgent: string; language: string; languages: readonly string[] };
};
globals.navigator ??= { userAgent: `Node.js/${process.versions.node}`, language: 'en-US', languages: ['en-US'] };

const loaders = (Module as unknown as { _extensions: Record<string, (module: { exports: unknown }) => void> })
  ._extensions;
loaders['.css'] = (module) => {
  module.exports = {};
};

export {};
