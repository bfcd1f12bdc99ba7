import React, { useMemo } from 'react';
import type { DataSourceApi, QueryEditorProps } from '@grafana/data';
import { EditorRows } from '@grafana/plugin-ui';

import type { EditorDataSource } from '../editorApi';
import { migrateQuery } from '../migrations';
import { fieldsForQueryType } from '../queryFields';
import type { MlopsDataSourceOptions, MlopsQuery } from '../types';
import { Mlops1xQueryEditor } from './mlops1x/Mlops1xQueryEditor';
import { ModelRow } from './query/ModelRow';
import { OptionsRow, hasOptions } from './query/OptionsRow';
import { QueryTypeRow } from './query/QueryTypeRow';
import { queryEditorIds, type RowProps } from './query/rowProps';
import { dsTestIds } from './testIds';

/**
 * Grafana's query editor props with the data source narrowed to what the editor uses. The real
 * data source (a `DataSourceApi` implementing `EditorDataSource`) fits, and tests can pass a
 * plain `EditorDataSource` object.
 */
type MlopsQueryEditorProps = Omit<
  QueryEditorProps<DataSourceApi<MlopsQuery, MlopsDataSourceOptions>, MlopsQuery, MlopsDataSourceOptions>,
  'datasource'
> & { datasource: EditorDataSource };

/** The query editor: the 1.x editor for a data source reading H2O MLOps 1.x, else the gateway's. */
export function QueryEditor(props: MlopsQueryEditorProps) {
  return props.datasource.mlops1x ? <Mlops1xQueryEditor {...props} /> : <GatewayQueryEditor {...props} />;
}

/**
 * The gateway's query editor: rows of the fields the query type needs (`queryFields.ts`) — type and
 * deployment, then model scope, model and role, then the type's own options.
 */
function GatewayQueryEditor({ query: rawQuery, onChange, onRunQuery, datasource }: MlopsQueryEditorProps) {
  const query = useMemo(() => migrateQuery(rawQuery), [rawQuery]);
  const fields = fieldsForQueryType(query.queryType);
  const row: RowProps = {
    query,
    fields,
    datasource,
    ids: queryEditorIds(query.refId),
    /** Commit a change: the full query to Grafana, then run it. */
    commit: (patch) => {
      onChange({ ...query, ...patch });
      onRunQuery();
    },
  };
  return (
    <div data-testid={dsTestIds.queryEditor.container}>
      <EditorRows>
        <QueryTypeRow {...row} />
        {fields.perModel && <ModelRow {...row} />}
        {hasOptions(fields) && <OptionsRow {...row} />}
      </EditorRows>
    </div>
  );
}
