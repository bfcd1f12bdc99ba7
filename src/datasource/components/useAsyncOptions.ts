import { useEffect, useState } from 'react';
import type { SelectableValue } from '@grafana/data';
import type { ComboboxOption } from '@grafana/ui';

import type { OptionList } from '../editorApi';

interface AsyncOptions {
  options: Array<ComboboxOption<string>>;
  loading: boolean;
  /** Why loading failed; the field still accepts custom values then. */
  error?: string;
}

/** The value of the line that says a list is incomplete (an info option: it cannot be chosen). */
export const INCOMPLETE_OPTION_VALUE = '__modelwatch_list_incomplete__';

/**
 * Options of a gateway list as Combobox options (values must be strings); an incomplete list ends
 * with a non-selectable line saying so (Combobox's `infoOption`).
 */
function toComboboxOptions(values: OptionList): Array<ComboboxOption<string>> {
  const options: Array<ComboboxOption<string>> = [];
  for (const item of values) {
    if (typeof item.value === 'string' && item.value !== '') {
      options.push({ value: item.value, label: item.label ?? item.value, description: item.description });
    }
  }
  if (values.incomplete) {
    options.push({ value: INCOMPLETE_OPTION_VALUE, label: `⚠ ${values.incomplete}`, infoOption: true });
  }
  return options;
}

function errorMessage(error: unknown): string {
  if (error instanceof Error) {
    return error.message;
  }
  if (typeof error === 'object' && error !== null && 'message' in error && typeof error.message === 'string') {
    return error.message;
  }
  return String(error);
}

/**
 * Loads options while `enabled`, again whenever `key` changes; ignores answers that arrive after
 * a newer request or after unmounting.
 */
export function useAsyncOptions(load: () => Promise<OptionList>, key: string, enabled: boolean): AsyncOptions {
  // The answer remembers which key it belongs to, so loading state is derived, not set.
  const [answer, setAnswer] = useState<{ key: string; options: Array<ComboboxOption<string>>; error?: string }>();

  useEffect(() => {
    if (!enabled) {
      return undefined;
    }
    let current = true;
    load().then(
      (values) => current && setAnswer({ key, options: toComboboxOptions(values) }),
      (error: unknown) => current && setAnswer({ key, options: [], error: errorMessage(error) })
    );
    return () => {
      current = false;
    };
    // `load` is recreated on every render; `key` says when its answer changes.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [key, enabled]);

  if (!enabled) {
    return { options: [], loading: false };
  }
  if (answer?.key !== key) {
    return { options: [], loading: true };
  }
  return { options: answer.options, loading: false, error: answer.error };
}

/** Template variables first (grouped), then live values; a value present in both is listed once. */
export function withVariables(
  variables: Array<SelectableValue<string>>,
  live: Array<ComboboxOption<string>>
): Array<ComboboxOption<string>> {
  const variableOptions = toComboboxOptions(variables).map((option) => ({ ...option, group: 'Template variables' }));
  const seen = new Set(variableOptions.map((option) => option.value));
  return [...variableOptions, ...live.filter((option) => !seen.has(option.value))];
}

/** The inline message for an option list that failed to load; the field still takes typed values. */
export function loadFailureMessage(list: AsyncOptions, what: string, typed: string): string | undefined {
  return list.error ? `Could not load ${what} (${list.error}). You can still type ${typed} or a variable.` : undefined;
}
