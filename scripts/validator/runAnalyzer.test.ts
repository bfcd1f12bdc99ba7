import { parseRun, problems } from './runAnalyzer';

// Debug lines and JSON as plugincheck2 0.45.6 printed them here (trimmed).
const stoppedRun = [
  '[DEBUG] analyzer:  metadatavalid',
  '[DEBUG] Running analyzer metadatavalid',
  '[DEBUG] Running analyzer metadata',
  '[DEBUG] Running analyzer metadataschema',
  '[DEBUG] check failed: metadataschema: Get "https://raw.githubusercontent.com/…": dial tcp: no such host',
].join('\n');

const json = (diagnostics: object) => JSON.stringify({ id: 'x', version: '0', 'plugin-validator': diagnostics });

const unsigned = {
  manifest: [{ Severity: 'warning', Title: 'unsigned plugin', Detail: '', Name: 'unsigned-plugin' }],
};

describe('plugin validator runs', () => {
  it('accepts a run whose only warning is the unsigned plugin, and recommendations', () => {
    const result = parseRun(
      'manifest',
      '[DEBUG] Running analyzer manifest\n',
      json({
        ...unsigned,
        sponsorshiplink: [{ Severity: 'recommendation', Title: 'link', Detail: '', Name: 'sponsorshiplink' }],
      })
    );
    expect(result.started).toBe(true);
    expect(problems(result)).toEqual([]);
  });

  it('fails a run the runner stopped silently (a dependency needed the network)', () => {
    const result = parseRun('metadatavalid', stoppedRun, json({}));
    expect(result.started).toBe(true);
    expect(problems(result)).toEqual([expect.stringMatching(/^check failed: metadataschema: Get/)]);
  });

  it('fails when the requested analyzer never started (e.g. a misspelt name runs the others)', () => {
    const result = parseRun('metadata-valid', '[DEBUG] Running analyzer archive\n', json({}));
    expect(problems(result)).toEqual([expect.stringContaining('did not run')]);
  });

  it.each(['error', 'warning', 'suspected'])('fails on a %s other than the unsigned plugin', (severity) => {
    const result = parseRun(
      'license',
      '[DEBUG] Running analyzer license\n',
      json({ license: [{ Severity: severity, Title: 'generic text', Detail: 'd', Name: 'license-with-generic-text' }] })
    );
    expect(problems(result)).toEqual([`license: ${severity} license-with-generic-text: generic text — d`]);
  });
});
