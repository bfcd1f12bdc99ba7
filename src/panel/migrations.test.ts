import { ChampionFallback, DEFAULT_OPTIONS, Direction, LayoutMode, MetricId, OPTIONS_SCHEMA_VERSION } from './types';
import { migrateOptions, panelMigrationHandler, sanitizeMetrics, sanitizeOptions, shouldMigrate } from './migrations';

describe('options migration', () => {
  it('fills defaults for unversioned or empty options (first release)', () => {
    expect(migrateOptions(undefined)).toEqual(DEFAULT_OPTIONS);
    expect(migrateOptions({})).toEqual(DEFAULT_OPTIONS);
  });

  it('keeps valid values of unversioned options', () => {
    const migrated = migrateOptions({
      layout: 'vertical',
      topN: 20,
      metrics: ['latency', 'accuracy'],
      championRole: 'primary',
    });
    expect(migrated).toMatchObject({
      schemaVersion: OPTIONS_SCHEMA_VERSION,
      layout: LayoutMode.Vertical,
      topN: 20,
      metrics: [MetricId.Latency, MetricId.Accuracy],
      championRole: 'primary',
    });
  });

  it('repairs invalid values', () => {
    const migrated = sanitizeOptions({
      schemaVersion: 1,
      layout: 'diagonal',
      topN: 5000,
      quadrantLabels: -3,
      metrics: ['latency', 'bogus', 'latency'],
      directions: { latency: 'sideways', accuracy: 'lower' },
      championFallback: 'random',
      championRole: '   ',
      driftThreshold: 'abc',
      equalTolerancePercent: '2.5',
    });
    expect(migrated.layout).toBe(LayoutMode.Auto);
    expect(migrated.topN).toBe(50);
    expect(migrated.quadrantLabels).toBe(0);
    expect(migrated.metrics).toEqual([MetricId.Latency]);
    expect(migrated.directions.latency).toBe(Direction.LowerIsBetter);
    expect(migrated.directions.accuracy).toBe(Direction.LowerIsBetter);
    expect(migrated.championFallback).toBe(ChampionFallback.First);
    expect(migrated.championRole).toBe('champion');
    expect(migrated.driftThreshold).toBe(DEFAULT_OPTIONS.driftThreshold);
    expect(migrated.equalTolerancePercent).toBe(2.5);
  });

  it('keeps an explicitly empty metric list', () => {
    expect(sanitizeMetrics([])).toEqual([]);
    expect(sanitizeMetrics('latency')).toEqual(DEFAULT_OPTIONS.metrics);
  });

  it('leaves options of a newer release untouched', () => {
    const future = { ...DEFAULT_OPTIONS, schemaVersion: 99, somethingNew: { a: 1 } };
    expect(migrateOptions(future)).toMatchObject({ schemaVersion: 99, somethingNew: { a: 1 } });
  });

  it('is wired as a Grafana migration handler', async () => {
    const result = await panelMigrationHandler({
      id: 1,
      type: 'modelwatch-champion-panel',
      options: { topN: 3 } as never,
      fieldConfig: { defaults: {}, overrides: [] },
    });
    expect(result).toMatchObject({ topN: 3, schemaVersion: OPTIONS_SCHEMA_VERSION });
  });

  it('asks to migrate unversioned or older options only', () => {
    expect(shouldMigrate({ options: {} })).toBe(true);
    expect(shouldMigrate({ options: { schemaVersion: 0 } })).toBe(true);
    expect(shouldMigrate({ options: { schemaVersion: 1 } })).toBe(true);
    expect(shouldMigrate({ options: { schemaVersion: OPTIONS_SCHEMA_VERSION } })).toBe(false);
  });

  it('1 → 2: adds the minimum predictions of the verdict at its default, keeping every other value', () => {
    const saved = { ...DEFAULT_OPTIONS, schemaVersion: 1, topN: 7, minPredictions: undefined };
    expect(OPTIONS_SCHEMA_VERSION).toBe(2);
    expect(migrateOptions(saved)).toEqual({ ...DEFAULT_OPTIONS, topN: 7, minPredictions: 100, schemaVersion: 2 });
  });

  it('keeps a chosen minimum and refuses a negative or fractional one', () => {
    expect(migrateOptions({ schemaVersion: 2, minPredictions: 30 }).minPredictions).toBe(30);
    expect(migrateOptions({ schemaVersion: 2, minPredictions: -5 }).minPredictions).toBe(0);
    expect(migrateOptions({ schemaVersion: 2, minPredictions: 12.6 }).minPredictions).toBe(13);
  });
});
