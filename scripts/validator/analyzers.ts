/**
 * Which of the plugin validator's analyzers (0.45.6, by their `Name`) `npm test` runs, and which it
 * cannot run on machines that reach only the package registries. Every analyzer of the validator must
 * be in exactly one of the lists below; `checkAgainstSource` fails when the vendored source has one
 * that is in neither (a new validator version), so nothing is left out silently.
 */
import fs from 'node:fs';
import path from 'node:path';

/** Run one by one with `-analyzer`; none of these needs the network. */
export const OFFLINE_ANALYZERS = [
  'archive',
  'archivename',
  'backendbinary',
  'backenddebug',
  'binarypermissions',
  'brokenlinks',
  'buildtools',
  'changelog',
  'checksum',
  'circulardependencies',
  'code-rules',
  'discoverability',
  'go-manifest',
  'grafanadependency',
  'includesnested',
  'jargon',
  'jsMap',
  'legacybuilder',
  'license',
  'logos',
  'manifest',
  'metadata',
  'modulejs',
  'nestedmetadata',
  'packagejson',
  'plugindocs',
  'pluginname',
  'published-plugin',
  'readme',
  'restrictivedep',
  'sdkusage',
  'signature',
  'sourcecode',
  'sponsorshiplink',
  'templatereadme',
  'trackingscripts',
  'typesuffix',
  'unsafesvg',
  'version',
] as const;

/**
 * Not run here, with the reason: each needs the network (the runner would stop at it), a credential,
 * or a tool whose data comes from the network. Offline they would be skipped silently or fail.
 */
export const NOT_RUN_ANALYZERS: Record<string, string> = {
  metadatavalid: 'downloads the plugin.json schema from GitHub',
  metadatapaths: 'needs metadatavalid (the schema download)',
  screenshots: 'needs metadatavalid (the schema download)',
  org: 'looks the author organisation up on grafana.com',
  legacyplatform: 'fetches the list of legacy platform imports from grafana.com',
  reactcompat: 'runs `npx @grafana/react-detect`, which the npm registry here does not serve',
  safelinks: 'checks links with the Google Web Risk API (needs WEBRISK_API_KEY and the network)',
  provenance: "checks GitHub's build attestations (needs GITHUB_TOKEN and the network)",
  virusscan: 'needs clamscan with a virus database downloaded from the network',
};

/**
 * Analyzers of Go backends, not run while the plugin has none (validatePlugin.ts checks that it has
 * none): gosec and govulncheck are not installed, and govulncheck's vulnerability database is online.
 */
export const BACKEND_ONLY_ANALYZERS: Record<string, string> = {
  'go-sec': 'runs gosec on the Go source',
  govulncheck: 'runs govulncheck on Go modules and backend binaries (vulnerability database online)',
};

/** Analyzer names as the vendored source declares them: each package listed in passes/analysis.go. */
export function analyzerNamesInSource(sourceDir: string): string[] {
  const passes = path.join(sourceDir, 'pkg', 'analysis', 'passes');
  const registry = fs.readFileSync(path.join(passes, 'analysis.go'), 'utf8');
  const packages = [...registry.matchAll(/^\s+(\w+)\.Analyzer,$/gm)].map((m) => m[1]);
  return packages.map((pkg) => {
    const files = fs.readdirSync(path.join(passes, pkg)).filter((f) => f.endsWith('.go') && !f.endsWith('_test.go'));
    for (const file of files) {
      const text = fs.readFileSync(path.join(passes, pkg, file), 'utf8');
      const name = /var Analyzer = &analysis\.Analyzer\{\s*Name:\s*"([^"]+)"/.exec(text)?.[1];
      if (name) {
        return name;
      }
    }
    throw new Error(`no Analyzer with a Name found in ${path.join(passes, pkg)}`);
  });
}

/** Throws when the source and the lists above disagree in any name. */
export function checkAgainstSource(sourceDir: string): void {
  const inSource = new Set(analyzerNamesInSource(sourceDir));
  const listed = new Set<string>([
    ...OFFLINE_ANALYZERS,
    ...Object.keys(NOT_RUN_ANALYZERS),
    ...Object.keys(BACKEND_ONLY_ANALYZERS),
  ]);
  const unlisted = [...inSource].filter((n) => !listed.has(n));
  const unknown = [...listed].filter((n) => !inSource.has(n));
  if (unlisted.length || unknown.length) {
    throw new Error(
      `scripts/validator/analyzers.ts does not match ${sourceDir}: ` +
        `not listed ${JSON.stringify(unlisted)}, not in the validator ${JSON.stringify(unknown)}`
    );
  }
}
