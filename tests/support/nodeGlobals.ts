/**
 * Imported first by integration tests that run in Jest's node environment (real sockets, real
 * fetch). @grafana/ui attaches debug helpers at import time unless NODE_ENV is "production", and
 * that helper assumes a browser (`(typeof window !== 'undefined' && window._debug) ?? {}` is
 * `false` in Node, then gets a property assigned). Loading the @grafana packages as a production
 * build sidesteps it; nothing these tests check depends on development-only code.
 */
process.env.NODE_ENV = 'production';

export {};

// Node 21+ defines `navigator` (userAgent "Node.js/…", language, languages); @grafana/ui reads it at
// import time and @grafana/data's date formats read `languages`. Give Node 20 the same minimal object.
const globals = globalThis as unknown as {
  navigator?: { userAgent: string; language: string; languages: readonly string[] };
};
globals.navigator ??= { userAgent: `Node.js/${process.versions.node}`, language: 'en-US', languages: ['en-US'] };
