import { ChampionFallback, DEFAULT_OPTIONS } from '../types';
import { healthFrame, labels } from '../../test/panelFrames';
import { modelDataOf } from '../../test/modelData';
import { collectModels } from './collect';
import type { IdentityParts } from './identity';
import { compareVersions, matchesModel, modelName, resolveRoles } from './roles';
import { type ModelData } from './types';

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

/** A collected model as `collectModels` builds it, with only identity and query order set. */
function modelData(parts: IdentityParts, order: number, fallbackName = ''): ModelData {
  return modelDataOf(parts, fallbackName, { order });
}

const view = (r: ReturnType<typeof resolveRoles>) => r.models.map((m) => [m.name, m.role, m.roleSource]);

describe('resolveRoles, precisely', () => {
  it('orders models by query order, not by array position', () => {
    const r = resolveRoles(
      [modelData({ model: 'b', version: '1' }, 1), modelData({ model: 'a', version: '1' }, 0)],
      opts()
    );
    expect(view(r)).toEqual([
      ['a v1', 'champion', 'fallback'],
      ['b v1', 'challenger', 'fallback'],
    ]);
    expect(r.models.map((m) => m.index)).toEqual([0, 1]);
  });

  it('takes one labelled champion without notice; challengers keep their labelled roles', () => {
    const r = resolveRoles(
      [
        modelData({ model: 'a', version: '1', role: 'shadow' }, 0),
        modelData({ model: 'b', version: '1', role: 'Primary' }, 1),
        modelData({ model: 'c', version: '1' }, 2),
      ],
      opts({ championRole: '  primary ' })
    );
    expect(view(r)).toEqual([
      ['b v1', 'Primary', 'label'],
      ['a v1', 'shadow', 'label'],
      ['c v1', 'challenger', 'fallback'],
    ]);
    expect(r.notices).toEqual([]);
  });

  it('picks the newest version even when it is not the first model, ignoring models without a version', () => {
    const r = resolveRoles(
      [
        modelData({ model: 'x' }, 0),
        modelData({ model: 'm', version: '2' }, 1),
        modelData({ model: 'm', version: '10' }, 2),
        modelData({ model: 'm', version: '9' }, 3),
      ],
      opts({ championFallback: ChampionFallback.NewestVersion })
    );
    expect(view(r)).toEqual([
      ['m v10', 'champion', 'fallback'],
      ['x', 'challenger', 'fallback'],
      ['m v2', 'challenger', 'fallback'],
      ['m v9', 'challenger', 'fallback'],
    ]);
    expect(r.notices).toEqual([]);
  });

  it('picks the first model as newest when no model has a version', () => {
    const r = resolveRoles(
      [modelData({ model: 'x' }, 0), modelData({ model: 'y' }, 1)],
      opts({ championFallback: ChampionFallback.NewestVersion })
    );
    expect(view(r)).toEqual([
      ['x', 'champion', 'fallback'],
      ['y', 'challenger', 'fallback'],
    ]);
  });

  it('keeps query order among equal versions for oldest and newest', () => {
    const equal = () => [
      modelData({ model: 'p', version: '1', deploymentId: 'd1' }, 0),
      modelData({ model: 'p', version: '1', deploymentId: 'd2' }, 1),
    ];
    for (const championFallback of [ChampionFallback.OldestVersion, ChampionFallback.NewestVersion]) {
      expect(resolveRoles(equal(), opts({ championFallback })).models.map((m) => m.name)).toEqual([
        'p v1 · d1',
        'p v1 · d2',
      ]);
    }
  });

  it('quotes the trimmed champion name in the no-match notice', () => {
    const r = resolveRoles(
      [modelData({ model: 'a', version: '1' }, 0)],
      opts({ championFallback: ChampionFallback.Match, championMatch: '  nope ' })
    );
    expect(r.notices).toEqual(['No model matches "nope"; the first model is used as the champion.']);
  });
});

describe('helpers, precisely', () => {
  it('compares equal, empty and non-empty versions', () => {
    expect(compareVersions('', '')).toBe(0);
    expect(compareVersions('1', '')).toBe(-1);
    expect(compareVersions('', '1')).toBe(1);
    expect(compareVersions('1.10', '1.10')).toBe(0);
  });

  it('names each kind of identity', () => {
    expect(modelName(modelData({ model: 'm', version: '3' }, 0, 'A'))).toBe('m v3');
    expect(modelName(modelData({ model: 'm' }, 0, 'A'))).toBe('m');
    expect(modelName(modelData({ role: 'shadow', deploymentId: 'd1' }, 0, 'A'))).toBe('shadow');
    expect(modelName(modelData({ deployment: 'prod', deploymentId: 'd1' }, 0, 'A'))).toBe('prod');
    expect(modelName(modelData({ deploymentId: 'd1' }, 0, 'A'))).toBe('d1');
    expect(modelName(modelData({}, 0, 'A'))).toBe('A');
    expect(modelName(modelData({}, 0, ''))).toBe('Unlabelled series');
  });

  it('matches a trimmed, case-insensitive name, and never an empty one', () => {
    const m = modelData({ model: 'Churn', version: '3', role: 'shadow' }, 0, 'A');
    for (const name of [' churn ', 'CHURN:3', ' churn V3', '3', 'Shadow', 'a']) {
      expect(matchesModel(m, name)).toBe(true);
    }
    expect(matchesModel(m, 'churn v')).toBe(false);
    const blank = modelData({}, 0, '');
    expect(matchesModel(blank, '   ')).toBe(false);
    expect(matchesModel(blank, '')).toBe(false);
  });
});
