import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

import { react19Uses } from './checkCompat';

function source(text: string): string {
  const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'compat-')), 'Component.tsx');
  fs.writeFileSync(file, text);
  return file;
}

describe('React-19-only API scan', () => {
  it('finds React 19 hooks imported from react, also renamed, and React.use calls', () => {
    const file = source(
      "import React, { useState, use as read, useActionState } from 'react';\nconst x = React.useOptimistic(1);\n"
    );
    expect(react19Uses([file]).map((u) => u.replace(/^.*: /, ''))).toEqual([
      'use (react)',
      'useActionState (react)',
      'useOptimistic (react)',
    ]);
  });

  it('finds react-dom resource preloading and passes code that React 18 runs', () => {
    expect(react19Uses([source("import { preload } from 'react-dom';\n")])).toHaveLength(1);
    expect(
      react19Uses([source("import React, { useMemo, useRef } from 'react';\nReact.useMemo(() => 1, []);\n")])
    ).toEqual([]);
  });
});
