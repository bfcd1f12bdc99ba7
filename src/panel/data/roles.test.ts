import { ChampionFallback, DEFAULT_OPTIONS } from '../types';
import { healthFrame, labels } from '../../test/panelFrames';
import { collectModels } from './collect';
import { compareVersions, matchesModel, modelName, resolveRoles } from './roles';

const opts = (o: Partial<typeof DEFAULT_OPTIONS> = {}) => ({ ...DEFAULT_OPTIONS, ...o });
const models = (...ls: Array<ReturnType<typeof labels>>) => collectModels(ls.map((l) => healthFrame(l, 1, 1))).models;

describe('resolveRoles', () => {
  it('puts the labelled champion first and keeps the challengers in query order', () => {
    const r = resolveRoles(
      models(labels('a', '1', 'challenger'), labels('b', '1', 'champion'), labels('c', '1', 'shadow')),
      opts()
    );
    expect(r.models.map((m) => [m.name, m.role, m.isChampion, m.index])).toEqual([
      ['b v1', 'champion', true, 0],
      ['a v1', 'challenger', false, 1],
      ['c v1', 'shadow', false, 2],
    ]);
    expect(r.data[0].identity.model).toBe('b');
    expect(r.models[0].roleSource).toBe('label');
  });

  it('matches the configured champion role case-insensitively', () => {
    const r = resolveRoles(
      models(labels('a', '1', 'blue'), labels('b', '1', 'Primary')),
      opts({ championRole: 'primary' })
    );
    expect(r.models[0].name).toBe('b v1');
    expect(r.models[0].role).toBe('Primary');
  });

  it('warns when several models are labelled champion', () => {
    const r = resolveRoles(models(labels('a', '1', 'champion'), labels('b', '1', 'champion')), opts());
    expect(r.models[0].name).toBe('a v1');
    expect(r.notices[0]).toContain('2 models');
  });

  describe('without role labels', () => {
    const unlabelled = () => models(labels('m', '10'), labels('m', '9'), labels('m', '2'));

    it('uses the first model by default', () => {
      const r = resolveRoles(unlabelled(), opts());
      expect(r.models.map((m) => [m.name, m.role, m.roleSource])).toEqual([
        ['m v10', 'champion', 'fallback'],
        ['m v9', 'challenger', 'fallback'],
        ['m v2', 'challenger', 'fallback'],
      ]);
    });

    it('uses the oldest or newest version (natural order)', () => {
      expect(
        resolveRoles(unlabelled(), opts({ championFallback: ChampionFallback.OldestVersion })).models[0].name
      ).toBe('m v2');
      expect(
        resolveRoles(unlabelled(), opts({ championFallback: ChampionFallback.NewestVersion })).models[0].name
      ).toBe('m v10');
    });

    it('uses a named model, or the first with a notice when none matches', () => {
      expect(
        resolveRoles(unlabelled(), opts({ championFallback: ChampionFallback.Match, championMatch: 'm:9' })).models[0]
          .name
      ).toBe('m v9');
      const r = resolveRoles(unlabelled(), opts({ championFallback: ChampionFallback.Match, championMatch: 'nope' }));
      expect(r.models[0].name).toBe('m v10');
      expect(r.notices[0]).toContain('No model matches "nope"');
    });

    it('says no champion name is configured when the name is blank, and uses the first model', () => {
      const r = resolveRoles(unlabelled(), opts({ championFallback: ChampionFallback.Match, championMatch: '  ' }));
      expect(r.models[0].name).toBe('m v10');
      expect(r.notices).toEqual(['No champion name is configured; the first model is used as the champion.']);
    });
  });

  it('disambiguates equal names by deployment', () => {
    const r = resolveRoles(models(labels('m', '1', 'champion', 'd1'), labels('m', '1', 'challenger', 'd2')), opts());
    expect(r.models.map((m) => m.name)).toEqual(['m v1 · deployment-d1', 'm v1 · deployment-d2']);
  });

  it('handles no models', () => {
    expect(resolveRoles([], opts())).toEqual({ models: [], data: [], notices: [] });
  });
});

describe('helpers', () => {
  it('compares versions naturally, empty last', () => {
    expect(['10', '2', '', '1.10', '1.9'].sort(compareVersions)).toEqual(['1.9', '1.10', '2', '10', '']);
  });

  it('names models from whatever identity exists', () => {
    const [m] = models(labels('', '3'));
    expect(modelName(m)).toBe('v3');
    expect(matchesModel(m, 'V3')).toBe(true);
    expect(matchesModel(m, '')).toBe(false);
  });
});
