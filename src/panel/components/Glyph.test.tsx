import fs from 'node:fs';
import path from 'node:path';
import React from 'react';
import { render, screen } from '@testing-library/react';

import { Glyph } from './Glyph';
import { GLYPH_PATHS, type GlyphName } from './glyphs';

const UNICONS = path.join(
  path.dirname(require.resolve('@grafana/ui/package.json')),
  'dist',
  'public',
  'img',
  'icons',
  'unicons'
);

function pathsOfIconFile(name: string): string[] {
  const svg = fs.readFileSync(path.join(UNICONS, `${name}.svg`), 'utf8');
  return [...svg.matchAll(/<path[^>]*\sd="([^"]+)"/g)].map((m) => m[1]);
}

// Its sizes, box and pixels are compared with the real Icon in Chromium: tests/browser/glyphs.test.ts.
describe('Glyph', () => {
  it.each(Object.keys(GLYPH_PATHS) as GlyphName[])("draws %s as the installed @grafana/ui's icon file", (name) => {
    expect(pathsOfIconFile(name)).toEqual([GLYPH_PATHS[name]]);
    const { container } = render(<Glyph name={name} />);
    expect(container.querySelector('path')?.getAttribute('d')).toBe(GLYPH_PATHS[name]);
  });

  it('is hidden from screen readers unless it has a label or a title', () => {
    const { container } = render(<Glyph name="star" />);
    expect(container.querySelector('svg')?.getAttribute('aria-hidden')).toBe('true');
    expect(screen.queryByRole('img')).toBeNull();
  });

  it('is an image named by its label', () => {
    render(<Glyph name="check-circle" aria-label="better" />);
    expect(screen.getByRole('img', { name: 'better' })).toBeInTheDocument();
  });

  it('shows its title on hover and names itself by it', () => {
    render(<Glyph name="exclamation-triangle" title="At or above the field's threshold" />);
    const image = screen.getByRole('img', { name: "At or above the field's threshold" });
    expect(image.querySelector('title')?.textContent).toBe("At or above the field's threshold");
  });

  it('keeps a title but stays hidden when told to (the text beside it says the same)', () => {
    const { container } = render(<Glyph name="star" title="Champion" aria-hidden />);
    const svg = container.querySelector('svg')!;
    expect(svg.getAttribute('aria-hidden')).toBe('true');
    expect(svg.querySelector('title')?.textContent).toBe('Champion');
  });

  it('takes a colour and a class from its caller', () => {
    const { container } = render(<Glyph name="fire" className="extra" style={{ color: 'rgb(1, 2, 3)' }} />);
    const svg = container.querySelector('svg')!;
    expect(svg.getAttribute('class')).toContain('extra');
    expect(svg.style.color).toBe('rgb(1, 2, 3)');
  });
});
