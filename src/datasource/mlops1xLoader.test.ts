import { dateTime, type MetricFindValue } from '@grafana/data';
import { firstValueFrom, of } from 'rxjs';

import { LazyMlops1x, type Mlops1xGeneration } from './mlops1xLoader';

function fakeGeneration() {
  return {
    run: jest.fn((refId: string, _stored: unknown, _request: unknown) =>
      of({ frames: [{ refId, fields: [], length: 0 }] })
    ),
    testConnection: jest.fn(async (_options: unknown) => ({ status: 'success', message: 'Connected' })),
    variableValues: jest.fn((_stored: unknown, _replace: unknown) =>
      of<MetricFindValue[]>([{ text: 'Workspace A', value: 'ws-a' }])
    ),
    listOptions: jest.fn(async (_query: unknown) => [{ label: 'Workspace A', value: 'ws-a' }]),
  } satisfies Mlops1xGeneration;
}

const request = {
  range: { from: dateTime(0), to: dateTime(60_000), raw: { from: 'now-1m', to: 'now' } },
  scopedVars: {},
  intervalMs: 1000,
};

describe('LazyMlops1x (the 1.x code, loaded on first use)', () => {
  it('does not load the 1.x code until something needs it, then loads it once for every caller', async () => {
    const generation = fakeGeneration();
    const load = jest.fn(async () => generation);
    const lazy = new LazyMlops1x(load);
    expect(load).not.toHaveBeenCalled();

    const [result, test, values, options] = await Promise.all([
      firstValueFrom(lazy.run('A', { queryType: 'drift' }, request)),
      lazy.testConnection({ apiGeneration: 'mlops1x' } as never),
      firstValueFrom(lazy.variableValues({ kind: 'workspaces' }, (text) => text ?? '')),
      lazy.listOptions({}),
    ]);

    expect(load).toHaveBeenCalledTimes(1);
    expect(result.frames[0].refId).toBe('A');
    expect(generation.run).toHaveBeenCalledWith('A', { queryType: 'drift' }, request);
    expect(test).toEqual({ status: 'success', message: 'Connected' });
    expect(values).toEqual([{ text: 'Workspace A', value: 'ws-a' }]);
    expect(options).toEqual([{ label: 'Workspace A', value: 'ws-a' }]);
  });

  it('runs nothing before subscription (a query path stays a cold Observable)', async () => {
    const generation = fakeGeneration();
    const load = jest.fn(async () => generation);
    const lazy = new LazyMlops1x(load);
    const query = lazy.run('A', {}, request);
    const values = lazy.variableValues({}, (text) => text ?? '');
    await Promise.resolve();
    expect(load).not.toHaveBeenCalled();
    await firstValueFrom(query);
    await firstValueFrom(values);
    expect(load).toHaveBeenCalledTimes(1);
    expect(generation.run).toHaveBeenCalledTimes(1);
  });

  it('reports a chunk that failed to download as an error, and tries again on the next call', async () => {
    const generation = fakeGeneration();
    const load = jest
      .fn<Promise<Mlops1xGeneration>, []>()
      .mockRejectedValueOnce(new Error('Loading chunk 963 failed'))
      .mockResolvedValue(generation);
    const lazy = new LazyMlops1x(load);

    await expect(firstValueFrom(lazy.run('A', {}, request))).rejects.toThrow('Loading chunk 963 failed');
    await expect(firstValueFrom(lazy.run('A', {}, request))).resolves.toMatchObject({ frames: [{ refId: 'A' }] });
    expect(load).toHaveBeenCalledTimes(2);
  });
});
