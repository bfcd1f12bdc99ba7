import React, { useState, type ChangeEvent } from 'react';
import { Field, Input } from '@grafana/ui';

import type { SecondsBounds } from '../../config/validation';

interface SecondsFieldProps {
  id: string;
  testId: string;
  label: string;
  description: string;
  placeholder: string;
  bounds: SecondsBounds;
  value: number | undefined;
  error: string | undefined;
  disabled?: boolean;
  /** Called with the parsed number, or undefined when the input is empty (= default). */
  onChange: (value: number | undefined) => void;
  onBlur: () => void;
}

/** A number input that keeps the typed text and stores numbers only. */
export function SecondsField(props: SecondsFieldProps) {
  const { value, onChange } = props;
  const [text, setText] = useState(value === undefined ? '' : String(value));
  const [notANumber, setNotANumber] = useState(false);

  // Follow outside changes (e.g. a reset) without disturbing what is being typed.
  const [shownValue, setShownValue] = useState(value);
  if (value !== shownValue) {
    setShownValue(value);
    const typed = text.trim() === '' ? undefined : Number(text);
    if (typed !== value) {
      setText(value === undefined ? '' : String(value));
      setNotANumber(false);
    }
  }

  const onInput = (event: ChangeEvent<HTMLInputElement>) => {
    const next = event.currentTarget.value;
    setText(next);
    const trimmed = next.trim();
    if (trimmed === '') {
      setNotANumber(false);
      onChange(undefined);
      return;
    }
    const parsed = Number(trimmed);
    if (Number.isFinite(parsed)) {
      setNotANumber(false);
      onChange(parsed);
    } else {
      setNotANumber(true);
    }
  };

  const error = notANumber
    ? `Enter a whole number of seconds from ${props.bounds.min} to ${props.bounds.max}.`
    : props.error;

  return (
    <Field label={props.label} description={props.description} invalid={Boolean(error)} error={error}>
      <Input
        id={props.id}
        data-testid={props.testId}
        type="number"
        min={props.bounds.min}
        max={props.bounds.max}
        step={1}
        width={20}
        placeholder={props.placeholder}
        value={text}
        onChange={onInput}
        onBlur={props.onBlur}
        disabled={props.disabled}
      />
    </Field>
  );
}
