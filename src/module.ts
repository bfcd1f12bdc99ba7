import { AppPlugin } from '@grafana/data';

import { GettingStarted } from './app/GettingStarted';

export const plugin = new AppPlugin<{}>().addConfigPage({
  title: 'Getting started',
  icon: 'info-circle',
  body: GettingStarted,
  id: 'getting-started',
});
