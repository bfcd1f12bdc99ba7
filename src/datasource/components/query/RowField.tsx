import React from 'react';
import { EditorField } from '@grafana/plugin-ui';

import type { PickerFieldProps } from '../pickers';

/** The query editor's row layout for the shared pickers: help as a tooltip, "optional" unless required. */
export function RowField({ label, help, required, width, message, children }: PickerFieldProps) {
  return (
    <EditorField
      label={label}
      optional={!required}
      width={width}
      tooltip={help}
      invalid={Boolean(message)}
      error={message}
    >
      {children}
    </EditorField>
  );
}
