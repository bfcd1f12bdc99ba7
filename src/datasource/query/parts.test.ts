import { createDataFrame } from '@grafana/data';
import { lastValueFrom, of, throwError } from 'rxjs';

import deploymentsPage1 from '../../../tests/fixtures/gateway/deployments-page1.json';
import { parseDeploymentResponse } from '../parse/parseResponses';
import { FakeTemplateSrv } from '../../test/fakeTemplateSrv';
import { PartialFailureError, gather, settle, targetResult, type Outcome, type Part } from './fanOut';
import { deploymentName } from '../frames/common';
import { labelsFor, modelChoices, modelIdFor, modelIndexOf, rolesFor } from './models';
import { expandField, interpolateText } from './templating';

/** The pieces a query is built from: fan-out results, variable expansion and model addressing. */

const frame = (name: string) => createDataFrame({ name, fields: [] });
const ok = (what: string, ...names: string[]): Part => ({ what, run: () => of(names.map(frame)) });
const failing = (what: string, message: string): Part => ({ what, run: () => throwError(() => new Error(message)) });

/** The outcome of gathering `parts`, of which some are named: a join, never a part handed back. */
async function gathered(parts: Part[]): Promise<Outcome> {
  const value = await lastValueFrom(gather(parts));
  if (Array.isArray(value)) {
    throw new Error('gather handed back a part instead of an outcome');
  }
  return value;
}

describe('gather and settle', () => {
  it('keeps the frames of every part in order and names the parts that failed', async () => {
    const outcome = await gathered([ok('a', 'a1', 'a2'), failing('b', 'down'), ok('c', 'c1')]);
    expect(outcome.frames.map((f) => f.name)).toEqual(['a1', 'a2', 'c1']);
    expect(outcome.failures.map((f) => f.what)).toEqual(['b']);
    const { frames, error } = settle(outcome);
    expect(frames).toHaveLength(3);
    expect(error).toBeInstanceOf(PartialFailureError);
    expect((error as Error).message).toBe('Partial result: 1 part of this query failed, the rest is shown. — b: down');
    expect((error as PartialFailureError).framesKept).toBe(3);
    expect((error as Error).name).toBe('PartialFailureError');
  });

  it('a single part (no join around it) gives what the same part gives beside others', async () => {
    const alone = await gathered([ok('a', 'a1', 'a2')]);
    expect(alone).toEqual({ frames: [frame('a1'), frame('a2')], failures: [] });
    const failed = await gathered([failing('b', 'down')]);
    expect(failed.frames).toEqual([]);
    expect(failed.failures.map((f) => [f.what, (f.error as Error).message])).toEqual([['b', 'down']]);
    const nested = await gathered([{ what: 'deployment "d"', run: () => gather([failing('m', 'x')]) }]);
    expect(nested.failures.map((f) => f.what)).toEqual(['deployment "d", m']);
  });

  it('no parts: no frames, no failures', async () => {
    expect(await gathered([])).toEqual({ frames: [], failures: [] });
    expect(settle({ frames: [], failures: [] })).toEqual({ frames: [] });
  });

  it('prefixes nested failures with the outer part, and leaves them alone without one', async () => {
    const inner = gather([failing('model "m v2"', 'x'), failing('', 'y'), ok('k', 'k1')]);
    const named = await gathered([{ what: 'deployment "d"', run: () => inner }]);
    expect(named.failures.map((f) => f.what)).toEqual(['deployment "d", model "m v2"', 'deployment "d"']);
    expect(named.frames.map((f) => f.name)).toEqual(['k1']);
    const unnamed = await gathered([{ what: '', run: () => gather([failing('model "m v2"', 'x'), ok('k', 'k1')]) }]);
    expect(unnamed.failures.map((f) => f.what)).toEqual(['model "m v2"']);
  });

  it('hands a single unnamed part back as it is; its failure is named by the part around it', async () => {
    expect(await lastValueFrom(gather([ok('', 'a1')]))).toEqual([frame('a1')]);
    await expect(lastValueFrom(gather([failing('', 'down')]))).rejects.toThrow('down');
    const outer = await gathered([{ what: 'deployment "d"', run: () => gather([failing('', 'x')]) }, ok('e', 'e1')]);
    expect(outer.failures.map((f) => [f.what, (f.error as Error).message])).toEqual([['deployment "d"', 'x']]);
    expect(outer.frames.map((f) => f.name)).toEqual(['e1']);
  });

  it("gives a target's frames its refId and settles its failures, a failure of all of it included", async () => {
    const whole = await lastValueFrom(targetResult(gather([ok('', 'a1', 'a2')]), 'B'));
    expect(whole).toEqual({
      frames: [
        { ...frame('a1'), refId: 'B' },
        { ...frame('a2'), refId: 'B' },
      ],
      error: undefined,
    });
    const partial = await lastValueFrom(targetResult(gather([ok('a', 'a1'), failing('b', 'down')]), 'B'));
    expect(partial.frames.map((f) => [f.name, f.refId])).toEqual([['a1', 'B']]);
    expect(partial.error).toBeInstanceOf(PartialFailureError);
    const error = new Error('down');
    const failed = await lastValueFrom(
      targetResult(
        throwError(() => error),
        'B'
      )
    );
    expect(failed).toEqual({ frames: [], error });
  });

  it('a single failed part reports its own error unchanged', () => {
    const error = new Error('only');
    expect(settle({ frames: [], failures: [{ what: 'x', error }] })).toEqual({ frames: [], error });
  });

  it('when everything failed, says so and spells out three failures, counting the rest', () => {
    const failures = ['a', 'b', 'c', 'd', 'e'].map((what) => ({ what, error: new Error(`${what} broke`) }));
    const { error } = settle({ frames: [], failures });
    expect((error as Error).message).toBe(
      'Every part of this query failed (5). — a: a broke — b: b broke — c: c broke — …and 2 more.'
    );
    const three = settle({ frames: [], failures: failures.slice(0, 3) }).error as Error;
    expect(three.message).toBe('Every part of this query failed (3). — a: a broke — b: b broke — c: c broke');
  });

  it('names a part without a name "query" and quotes non-Error reasons', () => {
    const { error } = settle({
      frames: [frame('f')],
      failures: [
        { what: '', error: 'text' },
        { what: 'b', error: 7 },
      ],
    });
    expect((error as Error).message).toBe(
      'Partial result: 2 parts of this query failed, the rest is shown. — query: text — b: 7'
    );
  });
});

describe('expandField', () => {
  // Values longer than one character: splitting text into characters must not pass for splitting values.
  const templateSrv = new FakeTemplateSrv({ many: ['ab', ' cd ', 'ab', ''], one: 'xy', blank: '  ' });

  it.each([
    [undefined, []],
    ['', []],
    ['   ', []],
    ['$blank', []],
    ['plain', ['plain']],
    ['  padded  ', ['padded']],
    ['$one', ['xy']],
    ['$many', ['ab', 'cd']],
    // The last selected value and the text after it stay one value.
    ['${many}-$one', ['ab', 'cd', '-xy']],
  ])('%p → %p', (text, values) => {
    expect(expandField(templateSrv, text, {})).toEqual(values);
  });

  it('scoped variables (repeated panels) win over dashboard variables', () => {
    expect(expandField(templateSrv, '$one', { one: { text: 'y', value: 'y' } })).toEqual(['y']);
  });

  it('interpolateText joins a multi-value selection with commas and trims', () => {
    expect(interpolateText(templateSrv, '$many', {})).toBe('ab, cd ,ab,');
    expect(interpolateText(templateSrv, ' $one ', {})).toBe('xy');
    expect(interpolateText(templateSrv, undefined, {})).toBe('');
    expect(interpolateText(templateSrv, '', {})).toBe('');
  });
});

describe('models of a deployment', () => {
  const shadow = parseDeploymentResponse({ deployment: deploymentsPage1.deployment[1] });
  const single = parseDeploymentResponse({ deployment: deploymentsPage1.deployment[0] });
  const empty = { ...single, models: [] };

  it('the primary model is addressed by the deployment id, the others by name:version', () => {
    expect(shadow.models.length).toBeGreaterThan(1);
    const second = `${shadow.models[1].name}:${shadow.models[1].version}`;
    expect(modelIdFor(shadow, 0)).toBe(shadow.id);
    expect(modelIdFor(shadow, 1)).toBe(second);
    expect(modelIndexOf(shadow, '')).toBe(0);
    expect(modelIndexOf(shadow, shadow.id)).toBe(0);
    expect(modelIndexOf(shadow, second)).toBe(1);
    // The primary model is only ever addressed by the deployment id.
    expect(modelIndexOf(shadow, 'churn-gbm:7')).toBe(-1);
    expect(second).toBe('churn-dnn:2');
    expect(modelIndexOf(shadow, 'unknown:1')).toBe(-1);
    expect(modelIndexOf(empty, '')).toBe(-1);
    expect(modelIndexOf(empty, empty.id)).toBe(-1);
  });

  it('the first model is the champion, the rest challengers', () => {
    expect(rolesFor(shadow.models)).toEqual(['champion', ...shadow.models.slice(1).map(() => 'challenger')]);
    expect(rolesFor([])).toEqual([]);
  });

  it('choices label models "name vN" and mark the primary one', () => {
    const choices = modelChoices(shadow);
    expect(choices[0]).toEqual({
      label: `${shadow.models[0].name} v${shadow.models[0].version}`,
      value: shadow.id,
      primary: true,
    });
    expect(choices[1].primary).toBe(false);
    expect(choices[1].value).toBe(modelIdFor(shadow, 1));
  });

  it('an unnamed deployment ("-") is shown by its id', () => {
    expect(deploymentName({ ...single, name: '-' })).toBe(single.id);
    expect(deploymentName({ ...single, name: '' })).toBe(single.id);
    expect(deploymentName({ ...single, name: 'credit' })).toBe('credit');
  });

  it('labels name deployment, model and version, with the role only when there is one', () => {
    const model = shadow.models[1];
    expect(labelsFor({ ...shadow, name: 'dep' }, model, 'challenger')).toEqual({
      deployment_id: shadow.id,
      deployment: 'dep',
      model: model.name,
      model_version: model.version,
      role: 'challenger',
    });
    expect(labelsFor({ ...shadow, name: 'dep' }, undefined, '')).toEqual({
      deployment_id: shadow.id,
      deployment: 'dep',
      model: '',
      model_version: '',
    });
    expect(labelsFor({ ...shadow, name: 'dep' }, undefined, '', 'typed:3')).toEqual({
      deployment_id: shadow.id,
      deployment: 'dep',
      model: 'typed:3',
      model_version: '',
    });
  });
});
