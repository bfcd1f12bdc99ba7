/**
 * The page of `../glyphs.test.ts`: every icon the panel draws inline, at every size the panel uses,
 * once as @grafana/ui's Icon and once as the panel's Glyph, each in its own box at whole-pixel
 * coordinates so that the two can be compared pixel for pixel. Sets `window.__bench.state` as the
 * bench pages do (../../../bench/browserPage.ts opens it).
 */
import React from 'react';
import { createRoot } from 'react-dom/client';
import { createTheme, ThemeContext } from '@grafana/data';
import { Icon } from '@grafana/ui';

import { Glyph } from '../../../src/panel/components/Glyph';
import { GLYPH_PATHS, type GlyphName } from '../../../src/panel/components/glyphs';
import { GLYPH_SIZES } from './glyphSizes';

const BOX = { width: 32, height: 32, display: 'inline-block', color: '#3fa46a', lineHeight: '20px' } as const;

function Pair({ name, size }: { name: GlyphName; size: (typeof GLYPH_SIZES)[number] }) {
  return (
    <div data-pair={`${name}/${size}`} style={{ display: 'flex', gap: 8, height: 32 }}>
      <span data-kind="icon" style={BOX}>
        <Icon name={name} size={size} />
      </span>
      <span data-kind="glyph" style={BOX}>
        <Glyph name={name} size={size} />
      </span>
    </div>
  );
}

const names = Object.keys(GLYPH_PATHS) as GlyphName[];
createRoot(document.getElementById('root')!).render(
  <ThemeContext.Provider value={createTheme({ colors: { mode: 'dark' } })}>
    {names.flatMap((name) => GLYPH_SIZES.map((size) => <Pair key={`${name}/${size}`} name={name} size={size} />))}
    <span data-kind="empty" style={BOX} />
  </ThemeContext.Provider>
);
(window as unknown as { __bench: { state: string } }).__bench = { state: 'ready' };
