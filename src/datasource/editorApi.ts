import type { SelectableValue } from '@grafana/data';

import type { Mlops1xVariableQuery } from './mlops1x/variableModel';

/**
 * What the query and variable editors need from the data source: option lists fetched live
 * from the gateway. Kept as a narrow interface so editors can be tested with a plain object and
 * never reach into the HTTP layer.
 */
/**
 * Options of a gateway list. `incomplete` is set when a safety bound stopped the list (more exist
 * than are offered) and says why; pickers show it as a non-selectable line.
 */
export type OptionList = Array<SelectableValue<string>> & { incomplete?: string };

/** What the 1.x editors need: live options (workspaces, deployments, columns, experiments). */
export interface Mlops1xEditorApi {
  listOptions(query: Partial<Mlops1xVariableQuery>): Promise<OptionList>;
}

export interface EditorDataSource {
  /** Present when the data source reads H2O MLOps 1.x: the editors show the 1.x fields. */
  readonly mlops1x?: Mlops1xEditorApi;
  /** Deployments as options: label = name (type), value = deployment id. */
  listDeploymentOptions(): Promise<OptionList>;
  /** Models of one deployment: label = name vN, value = model id as sent to the gateway. */
  listModelOptions(deploymentId: string): Promise<Array<SelectableValue<string>>>;
  /** Feature names from the drift summary of a deployment's model. */
  listFeatureOptions(deploymentId: string, modelId?: string): Promise<Array<SelectableValue<string>>>;
  /** Dashboard template variables as `$name` options, offered next to live values. */
  getVariableOptions(): Array<SelectableValue<string>>;
}
