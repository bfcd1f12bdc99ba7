/** The Icon sizes the panel uses, which the glyph page draws and its test compares. */
export const GLYPH_SIZES = ['xs', 'sm', 'md', 'xl'] as const;
