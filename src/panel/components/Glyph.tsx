import React, { type CSSProperties } from 'react';
import { css, cx } from '@emotion/css';

import { GLYPH_PATHS, type GlyphName } from './glyphs';

/** Icon sizes in pixels, as @grafana/ui's Icon sizes them. */
const SIZE_PX = { xs: 12, sm: 14, md: 16, lg: 18, xl: 24 } as const;

/** @grafana/ui's Icon styles, so that a glyph sits in text exactly as an Icon does. */
const glyphClass = css({
  label: 'Glyph',
  display: 'inline-block',
  fill: 'currentColor',
  flexShrink: 0,
  lineHeight: 0,
  verticalAlign: 'middle',
});

export interface GlyphProps {
  name: GlyphName;
  size?: keyof typeof SIZE_PX;
  /** Shown on hover and read by screen readers (an SVG `<title>`). */
  title?: string;
  className?: string;
  style?: CSSProperties;
  'aria-label'?: string;
  /** Hidden from screen readers by default unless it has a title or a label, as Icon does. */
  'aria-hidden'?: boolean;
}

/**
 * A status or direction icon of the panel, drawn inline from its path ({@link GLYPH_PATHS}) instead
 * of @grafana/ui's Icon. Icon fetches each icon's SVG file and parses it for every instance
 * (react-inlinesvg, a component that renders twice): the ~50 icons of a 2,000-feature panel took
 * 13.6 of its 48.6 ms first render in Chromium (bench/panel, 20 interleaved runs). The shapes and
 * styles are Icon's.
 */
export function Glyph({ name, size = 'md', title, className, style, ...aria }: GlyphProps) {
  const px = SIZE_PX[size];
  const labelled = Boolean(title) || Boolean(aria['aria-label']);
  return (
    <svg
      xmlns="http://www.w3.org/2000/svg"
      viewBox="0 0 24 24"
      width={px}
      height={px}
      className={cx(glyphClass, className)}
      style={style}
      role={labelled ? 'img' : undefined}
      aria-label={aria['aria-label']}
      aria-hidden={aria['aria-hidden'] ?? !labelled}
      data-glyph={name}
    >
      {title && <title>{title}</title>}
      <path d={GLYPH_PATHS[name]} />
    </svg>
  );
}
