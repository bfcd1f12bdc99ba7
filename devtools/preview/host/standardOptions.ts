import {
  FieldColorModeId,
  FieldConfigProperty,
  standardEditorsRegistry,
  standardFieldConfigEditorRegistry,
  ThresholdsMode,
  type FieldConfigPropertyItem,
} from '@grafana/data';

/**
 * Option editors by id, as the options builders look them up (`addRadio` → `radio`, …). Grafana's
 * core registers the real editor components; the preview shows no options pane, so each id maps
 * to an editor that renders nothing. Without them `plugin.defaults` could not run the builder.
 */
const STANDARD_EDITOR_IDS = [
  'number',
  'slider',
  'text',
  'strings',
  'select',
  'multi-select',
  'radio',
  'boolean',
  'color',
  'timezone',
  'unit',
  'field-name',
  'links',
  'mappings',
  'thresholds',
  'stats-picker',
  'interval',
  'fieldColor',
];

/**
 * Grafana's core registers the *standard* field options (unit, decimals, thresholds, …) in
 * `standardFieldConfigEditorRegistry` at start-up; a panel plugin's field-config registry is built
 * from it (minus the options the plugin disables, with the plugin's own defaults). The editors
 * are Grafana-internal, so the preview registers the same ids, paths and defaults with no editor:
 * enough for `plugin.fieldConfigDefaults` and `applyFieldOverrides` to give the panel the field
 * config it gets in Grafana. Defaults as in Grafana's `getAllStandardFieldConfigs`.
 */
const noEditor = () => null;
const keep = (value: unknown) => value;

function item(id: string, defaultValue?: unknown): FieldConfigPropertyItem {
  return {
    id,
    path: id,
    name: id,
    editor: noEditor,
    override: noEditor,
    process: keep,
    shouldApply: () => true,
    defaultValue,
    category: ['Standard options'],
  } as FieldConfigPropertyItem;
}

export function registerStandardFieldOptions(): void {
  if (standardFieldConfigEditorRegistry.list().length > 0) {
    return;
  }
  for (const id of STANDARD_EDITOR_IDS) {
    standardEditorsRegistry.register({ id, name: id, editor: noEditor });
  }
  const items = [
    item(FieldConfigProperty.Unit),
    item(FieldConfigProperty.Min),
    item(FieldConfigProperty.Max),
    item(FieldConfigProperty.FieldMinMax),
    item(FieldConfigProperty.Decimals),
    item(FieldConfigProperty.DisplayName),
    item(FieldConfigProperty.Color, { mode: FieldColorModeId.Thresholds }),
    item(FieldConfigProperty.NoValue),
    item(FieldConfigProperty.Thresholds, {
      mode: ThresholdsMode.Absolute,
      steps: [
        { value: -Infinity, color: 'green' },
        { value: 80, color: 'red' },
      ],
    }),
    item(FieldConfigProperty.Mappings, []),
    item(FieldConfigProperty.Links, []),
  ];
  for (const entry of items) {
    standardFieldConfigEditorRegistry.register(entry);
  }
}
