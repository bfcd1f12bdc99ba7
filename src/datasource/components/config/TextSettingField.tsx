import React from 'react';
import { Field, Input } from '@grafana/ui';

import { configInputId, configTestId, isUrlSetting, isValidated, type TextSetting } from '../../config/fields';
import { tidyUrl } from '../../config/tokenUrl';
import { WIDE_INPUT, type SectionProps } from './sectionProps';

interface Props extends SectionProps {
  setting: TextSetting;
  label: string;
  description?: string;
  placeholder?: string;
  required?: boolean;
  width?: number;
}

/**
 * One text setting: its label, the inline validation message once touched, and on blur the
 * field marked touched and a URL tidied (whitespace and trailing slashes dropped).
 */
export function TextSettingField({ setting, label, description, placeholder, required, width, ...section }: Props) {
  const { options, jsonData, readOnly, errorOf, touch, updateJsonData } = section;
  const message = isValidated(setting) ? errorOf(setting) : undefined;

  const onBlur = () => {
    if (!isValidated(setting)) {
      return;
    }
    touch(setting);
    if (isUrlSetting(setting)) {
      const current = options.jsonData?.[setting];
      const tidy = tidyUrl(current);
      if (current !== undefined && tidy !== current) {
        updateJsonData({ [setting]: tidy });
      }
    }
  };

  return (
    <Field label={label} description={description} required={required} invalid={Boolean(message)} error={message}>
      <Input
        id={configInputId(setting)}
        data-testid={configTestId(setting)}
        width={width ?? WIDE_INPUT}
        placeholder={placeholder}
        value={jsonData[setting] ?? ''}
        onChange={(event) => updateJsonData({ [setting]: event.currentTarget.value })}
        onBlur={onBlur}
        disabled={readOnly}
      />
    </Field>
  );
}
