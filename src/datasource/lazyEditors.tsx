import React, { type ComponentProps, type ComponentType, Suspense, lazy } from 'react';
import { LoadingPlaceholder } from '@grafana/ui';

import type { ConfigEditor } from './components/ConfigEditor';
import type { QueryEditor } from './components/QueryEditor';
import type { VariableQueryEditor } from './components/VariableQueryEditor';

/**
 * The data source's editors, each loaded on first render from one separate chunk ("editors",
 * emitted beside module.js — see the root webpack.config.ts): people who only view dashboards
 * never download them, which keeps module.js within its budget (#11). Grafana renders a plugin's
 * editors as React components, so a lazy component wrapped in `Suspense` is a drop-in: it shows
 * Grafana's `LoadingPlaceholder` until the chunk is there.
 */
function lazyEditor<P extends object>(
  what: string,
  load: () => Promise<ComponentType<P>>
): (props: P) => React.JSX.Element {
  const Editor = lazy(() => load().then((component) => ({ default: component })));
  function LazyEditor(props: P) {
    return (
      <Suspense fallback={<LoadingPlaceholder text={`Loading ${what}…`} />}>
        <Editor {...(props as P & React.JSX.IntrinsicAttributes)} />
      </Suspense>
    );
  }
  LazyEditor.displayName = `Lazy(${what})`;
  return LazyEditor;
}

export const LazyConfigEditor = lazyEditor<ComponentProps<typeof ConfigEditor>>('settings', () =>
  import(/* webpackChunkName: "editors" */ './components/ConfigEditor').then((m) => m.ConfigEditor)
);

export const LazyQueryEditor = lazyEditor<ComponentProps<typeof QueryEditor>>('query editor', () =>
  import(/* webpackChunkName: "editors" */ './components/QueryEditor').then((m) => m.QueryEditor)
);

export const LazyVariableQueryEditor = lazyEditor<ComponentProps<typeof VariableQueryEditor>>('variable editor', () =>
  import(/* webpackChunkName: "editors" */ './components/VariableQueryEditor').then((m) => m.VariableQueryEditor)
);
