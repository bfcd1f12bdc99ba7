import React from 'react';
import * as ReactJsxRuntime from 'react/jsx-runtime';
import ReactDOM from 'react-dom';
import * as emotionCss from '@emotion/css';
import * as emotionReact from '@emotion/react';
import * as grafanaData from '@grafana/data';
import * as grafanaRuntime from '@grafana/runtime';
import * as grafanaUi from '@grafana/ui';
import lodash from 'lodash';
import * as rxjs from 'rxjs';
import * as rxjsOperators from 'rxjs/operators';

import { provide } from './amd';

/** The modules Grafana shares with plugins (see .config/bundler/externals.ts), under their import names. */
export function provideSharedModules() {
  provide('react', React);
  provide('react/jsx-runtime', ReactJsxRuntime);
  provide('react/jsx-dev-runtime', ReactJsxRuntime);
  provide('react-dom', ReactDOM);
  provide('@emotion/css', emotionCss);
  provide('@emotion/react', emotionReact);
  provide('@grafana/data', grafanaData);
  provide('@grafana/ui', grafanaUi);
  provide('@grafana/runtime', grafanaRuntime);
  provide('rxjs', rxjs);
  provide('rxjs/operators', rxjsOperators);
  provide('lodash', lodash);
}
