import type { SelectableValue } from '@grafana/data';

import type { EditorDataSource } from '../datasource/editorApi';

/** Never reports intersections; enough for the scroll indicators of Combobox menus. */
class NoopIntersectionObserver {
  readonly root = null;
  readonly rootMargin = '0px';
  readonly thresholds: readonly number[] = [];
  observe() {}
  unobserve() {}
  disconnect() {}
  takeRecords(): IntersectionObserverEntry[] {
    return [];
  }
}

/**
 * Gives jsdom just enough layout for @grafana/ui's Combobox: it measures text on a canvas (the
 * scaffolded Jest setup stubs `getContext` to return nothing), observes intersections for its
 * scroll indicators, and virtualises its menu, which renders no options while every element
 * measures 0×0. Call in `beforeAll`; undo with the returned function.
 */
export function provideComboboxLayout(): () => void {
  const hadIntersectionObserver = 'IntersectionObserver' in window;
  if (!hadIntersectionObserver) {
    Object.defineProperty(window, 'IntersectionObserver', {
      configurable: true,
      writable: true,
      value: NoopIntersectionObserver,
    });
  }
  const originalGetContext = HTMLCanvasElement.prototype.getContext;
  const context = { font: '', measureText: (text: string) => ({ width: text.length * 7 }) };
  HTMLCanvasElement.prototype.getContext = (() => context) as unknown as typeof originalGetContext;
  const rect = jest.spyOn(Element.prototype, 'getBoundingClientRect').mockReturnValue({
    width: 400,
    height: 400,
    top: 0,
    left: 0,
    bottom: 400,
    right: 400,
    x: 0,
    y: 0,
    toJSON: () => ({}),
  });
  // The menu's virtualiser sizes its window from clientWidth/clientHeight.
  const clientHeight = jest.spyOn(HTMLElement.prototype, 'clientHeight', 'get').mockReturnValue(400);
  const clientWidth = jest.spyOn(HTMLElement.prototype, 'clientWidth', 'get').mockReturnValue(400);
  return () => {
    clientHeight.mockRestore();
    clientWidth.mockRestore();
    if (!hadIntersectionObserver) {
      Reflect.deleteProperty(window, 'IntersectionObserver');
    }
    HTMLCanvasElement.prototype.getContext = originalGetContext;
    rect.mockRestore();
  };
}

/** A plain-object `EditorDataSource` with jest mocks and small fixed answers. */
export function fakeEditorDataSource(overrides: Partial<EditorDataSource> = {}) {
  return {
    listDeploymentOptions: jest.fn(async (): Promise<Array<SelectableValue<string>>> => [
      { label: 'churn (singleDeployment)', value: 'dep-1' },
      { label: 'fraud (shadowDeployment)', value: 'dep-2' },
    ]),
    listModelOptions: jest.fn(async (deploymentId: string): Promise<Array<SelectableValue<string>>> => [
      { label: `model of ${deploymentId} v1`, value: `${deploymentId}-m1` },
    ]),
    listFeatureOptions: jest.fn(async (): Promise<Array<SelectableValue<string>>> => [
      { label: 'age', value: 'age' },
      { label: 'income', value: 'income' },
    ]),
    getVariableOptions: jest.fn((): Array<SelectableValue<string>> => [{ label: '$deployment', value: '$deployment' }]),
    ...overrides,
  };
}
