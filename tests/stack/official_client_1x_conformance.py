"""Official-client conformance for the H2O MLOps 1.x routes of the simulator.

Runs with the venv that scripts/setup/mlops1xVenv.ts builds (h2o-mlops==1.6.5 from PyPI):

* The access token comes from Keycloak through h2o_authn.TokenProvider (refresh_token grant), the
  provider h2o_mlops.Client uses; the bearer is added by the client's own ServiceClient.
* Strict validation: official_client_1x_strict.py. The client's own services (h2o_mlops._client.client.Client, gateway URL = authz gateway URL = the
  simulator) call every GET method the data source uses: workspaces (list, get), deployments (list
  with pagination/filter/orderBy, count, get, status, batch status), monitoring config, baseline and
  scoring aggregates (list all pages, count, the filters and orderBy of h2o_mlops._monitoring).
* Every raw answer must validate STRICTLY against the client's generated pydantic models
  (model_validate_json(strict=True): no str->int coercion, so int64 counts must be strings and
  int32 counts numbers) and carry no key the model does not know.
* The high-level h2o_mlops._monitoring API (MLOpsMonitoring: baseline_aggregates / scoring_aggregates
  list + count with selectors and ListOptions) is driven against the simulator too.
* Every successful call's raw body and the client's parsed model (model_dump, snake_case) go to the
  output as `calls`: the TS test parses the same bodies with the data source's parsers and compares.
* argv[3] (optional): a fixtures directory with manifest.json {file: model class}; every file is
  validated the same way (tests/fixtures/mlops1x, shared with the data source's tests).

Input: argv[1] expected catalogue (JSON), argv[2] output file for the parsed results (JSON, for the
TS side). Connection settings only in the environment (MLOPS_GATEWAY_URL, MLOPS_TOKEN_URL,
MLOPS_CLIENT_ID, MLOPS_CLIENT_SECRET, MLOPS_REFRESH_TOKEN). Prints `FAIL ...` lines and exits 1 on
any failure, else `CONFORMANCE-1X OK <checks> checks, <calls> calls`. Never prints tokens.
"""

import datetime
import json
import os
import sys
import types

import h2o_authn
from h2o_mlops import _monitoring, options
from h2o_mlops import types as mtypes
from h2o_mlops._client.client import Client
from h2o_mlops._client.models import deployer as dm
from h2o_mlops._client.models import monitoring as mm
from h2o_mlops._client.models import workspace as wm

import official_client_1x_strict as st
from official_client_1x_strict import all_pages, call, check, expect_error, responses, strict


def experiments_of(deployment):
    """Experiment ids in role order (champion first), as the data source reads the topology."""
    if deployment.single:
        return [deployment.single.deployment_composition.experiment_id]
    if deployment.shadow:
        s = deployment.shadow
        return [s.primary_element.deployment_composition.experiment_id, s.secondary_element.deployment_composition.experiment_id]
    if deployment.split:
        elements = sorted(deployment.split.split_elements, key=lambda e: -e.weight)
        return [e.deployment_composition.experiment_id for e in elements]
    return []


def check_workspaces(client, expected):
    ws_api = client.authz.workspace
    items, pages = all_pages(wm.V1ListWorkspacesResponse, "workspaces", "list_workspaces", ws_api.list_workspaces, page_size=1)
    check([w.name for w in items] == [f"workspaces/{w['id']}" for w in expected], f"workspaces {[w.name for w in items]}")
    check(pages == len(expected), f"list_workspaces pageSize=1 took {pages} pages")
    for w in items:
        got = call(wm.V1GetWorkspaceResponse, f"get_workspace {w.name}", ws_api.get_workspace, name=w.name)
        check(got is not None and got.workspace == w, f"get_workspace {w.name} differs from the list")
    named = call(wm.V1ListWorkspacesResponse, "list_workspaces filter", ws_api.list_workspaces,
                 filter=f"display_name = '{expected[0]['displayName']}'", order_by="display_name desc", show_deleted=False)
    check(named is not None and len(named.workspaces or []) == 1, "list_workspaces display_name filter")
    expect_error(404, "get_workspace unknown", ws_api.get_workspace, name="workspaces/no-such-workspace")


def check_deployments(client, expected):
    dep = client.deployer.deployment
    items, pages = all_pages(dm.V2ListDeploymentsResponse, "deployments", "list_deployments workspaces/-",
                             dep.list_deployments, page_size=2, parent="workspaces/-")
    check([d.name.split("/")[-1] for d in items] == [d["id"] for d in expected], "deployments of workspaces/- in catalogue order")
    check(pages == (len(expected) + 1) // 2, f"list_deployments pageSize=2 took {pages} pages")
    count = call(dm.V2CountDeploymentsResponse, "count_deployments", dep.count_deployments, parent="workspaces/-")
    check(count is not None and count.count == str(len(expected)), "count_deployments is an int64 string of the total")
    for ws in sorted({d["workspaceId"] for d in expected}):
        mine = [d["id"] for d in expected if d["workspaceId"] == ws]
        listed, _ = all_pages(dm.V2ListDeploymentsResponse, "deployments", f"list_deployments {ws}",
                              dep.list_deployments, parent=f"workspaces/{ws}", order_by="display_name desc")
        names = sorted([d["name"] for d in expected if d["workspaceId"] == ws], reverse=True)
        check([d.display_name for d in listed] == names, f"list_deployments {ws} orderBy display_name desc")
        check(sorted(d.name.split("/")[-1] for d in listed) == sorted(mine), f"deployments of workspace {ws}")
    one = expected[0]
    filtered = call(dm.V2CountDeploymentsResponse, "count_deployments filter", dep.count_deployments,
                    parent="workspaces/-", filter=f"display_name = '{one['name']}'")
    check(filtered is not None and filtered.count == "1", "count_deployments with a display_name filter")
    out = []
    for d, exp in zip(items, expected):
        got = call(dm.V2GetDeploymentResponse, f"get_deployment {exp['id']}", dep.get_deployment, name=d.name)
        check(got is not None and got.deployment == d, f"get_deployment {exp['id']} equals the listed one")
        kind = "single" if d.single else "shadow" if d.shadow else "split" if d.split else "?"
        check(kind == exp["kind"], f"{exp['id']}: topology {kind}, expected {exp['kind']}")
        check(experiments_of(d) == exp["experiments"], f"{exp['id']}: experiments {experiments_of(d)}")
        cols = [{"column": c.column, "logicalType": c.logical_type.value, "isModelOutput": bool(c.is_model_output)}
                for c in (d.monitoring_options.columns or [])]
        check(cols == exp["columns"], f"{exp['id']}: monitored columns differ")
        check(d.monitoring_options.enabled == exp["monitoringEnabled"], f"{exp['id']}: monitoring enabled flag")
        status = call(dm.V2GetDeploymentStatusResponse, f"get_deployment_status {exp['id']}",
                      client.deployer.status.get_deployment_status, name=f"{d.name}/status")
        check(status is not None and status.deployment_status.name == f"{d.name}/status", "status name")
        out.append({"name": d.name, "displayName": d.display_name, "kind": kind, "experiments": experiments_of(d),
                    "createTime": d.create_time.isoformat(), "state": status.deployment_status.state.value if status else None})
    names = [f"{d.name}/status" for d in items] + ["workspaces/-/deployments/nope/status"]
    batch = call(dm.V2BatchGetDeploymentStatusesResponse, "batch_get_deployment_statuses",
                 client.deployer.status.batch_get_deployment_statuses, parent="workspaces/-", names=names)
    check(batch is not None and len(batch.deployment_statuses) == len(items), "batchGet returns every known status")
    check(batch is not None and list((batch.errors or {}).keys()) == [names[-1]], "batchGet reports the unknown name in errors")
    config = call(dm.V2GetMonitoringConfigResponse, "get_monitoring_config", client.deployer.config.get_monitoring_config)
    check(config is not None and config.monitoring_config.enabled is True, "monitoring config enabled")
    expect_error(404, "get_deployment unknown", dep.get_deployment, name=f"workspaces/{expected[0]['workspaceId']}/deployments/nope")
    expect_error(400, "list_deployments bad filter", dep.list_deployments, parent="workspaces/-", filter="display_name ~ 'x'")
    expect_error(400, "list_deployments bad page token", dep.list_deployments, parent="workspaces/-", page_token="garbage")
    return out


def rows_of(a):
    """Rows a segment counted for its column: binned or counted values plus missing ones."""
    n = 0
    if a.numerical_aggregate:
        n = sum(a.numerical_aggregate.bin_count or [])
    elif a.categorical_aggregate:
        n = sum((a.categorical_aggregate.value_counts or {}).values())
    elif a.text_aggregate:
        n = sum(a.text_aggregate.bin_count or [])
    return n + (a.missing_values.row_count if a.missing_values else 0)


def check_baselines(client, d, exp):
    agg = client.monitoring.aggregate
    parent = f"{d['name']}/experiments/-"
    items, _ = all_pages(mm.V2ListBaselineAggregatesResponse, "baseline_aggregates", f"baselines {exp['id']}",
                         agg.list_baseline_aggregates, page_size=4, parent=parent)
    count = call(mm.V2CountBaselineAggregatesResponse, f"count baselines {exp['id']}", agg.count_baseline_aggregates, parent=parent)
    check(count is not None and count.count == str(len(items)), f"{exp['id']}: baseline count {count and count.count} vs {len(items)} listed")
    for b in items:
        if b.numerical_aggregate:
            na = b.numerical_aggregate
            check(len(na.bin_count) == len(na.bin_edges) + 1, f"{exp['id']} {b.column}: binCount = binEdges + 1")
        if b.text_aggregate:
            check(b.text_aggregate.oov_rate is None and bool(b.text_aggregate.top_words), f"{exp['id']} {b.column}: text baseline")
    return [{"column": b.column, "logicalType": b.logical_type.value, "isModelOutput": b.is_model_output,
             "experimentIds": b.experiment_ids, "rows": rows_of(b),
             "mean": (b.numerical_aggregate or b.text_aggregate).mean if (b.numerical_aggregate or b.text_aggregate) else None}
            for b in items]


def check_scoring(client, d, exp, start, end):
    """All scoring aggregates of [start, end) through the low-level client: capped pages, count."""
    agg = client.monitoring.aggregate
    parent = f"{d['name']}/experiments/-"
    window = f"timestamp >= timestamp('{start:%Y-%m-%dT%H:%M:%S.%fZ}') AND timestamp < timestamp('{end:%Y-%m-%dT%H:%M:%S.%fZ}')"
    items, pages = all_pages(mm.V2ListAggregatesResponse, "aggregates", f"aggregates {exp['id']}", agg.list_aggregates,
                             page_size=500, parent=parent, filter=window, order_by="timestamp")
    count = call(mm.V2CountAggregatesResponse, f"count aggregates {exp['id']}", agg.count_aggregates, parent=parent, filter=window)
    check(count is not None and count.count == str(len(items)), f"{exp['id']}: scoring count {count and count.count} vs {len(items)}")
    if len(items) > 100:
        check(pages >= 2, f"{exp['id']}: pageSize 500 must be capped by the server (got {pages} page)")
    check(all(start <= a.start_time < end for a in items), f"{exp['id']}: a segment outside the time filter")
    check([a.start_time for a in items] == sorted(a.start_time for a in items), f"{exp['id']}: orderBy timestamp")
    rows = {}
    summary = {}
    for a in items:
        e = a.experiment_ids[0]
        r = rows_of(a)
        check(rows.setdefault((e, a.start_time), r) == r, f"{exp['id']} {a.column} {a.start_time}: rows differ between columns")
        s = summary.setdefault(a.column, {}).setdefault(e, {"segments": 0, "rows": 0, "missing": [], "means": [], "oov": []})
        s["segments"] += 1
        s["rows"] += r
        s["missing"].append(a.missing_values.row_count / r if r else 0)
        body = a.numerical_aggregate or a.text_aggregate
        s["means"].append(body.mean if body else None)
        if a.text_aggregate:
            s["oov"].append(a.text_aggregate.oov_rate)
        check(a.segment_duration == "3600s", f"{exp['id']}: segmentDuration {a.segment_duration}")
    return summary


def check_high_level(client, d, exp, start, end):
    """h2o_mlops._monitoring as a deployment's `.monitoring` uses it (backend = the client above)."""
    core = types.SimpleNamespace(_backend=client, _global_request_timeout=None)
    mon = _monitoring.MLOpsMonitoring(core, d["name"])
    column = exp["columns"][0]["column"]
    baselines = mon.baseline_aggregates.list(column=column)
    check(len(baselines) >= 1 and all(b.column.name == column for b in baselines), f"{exp['id']}: high-level baseline list")
    # Input columns share one baseline; each model output column has one per experiment.
    expected_baselines = sum(len(exp["experiments"]) if c["isModelOutput"] else 1 for c in exp["columns"])
    count = mon.baseline_aggregates.count()
    check(count == expected_baselines, f"{exp['id']}: high-level baseline count {count}, expected {expected_baselines}")
    window = options.FilterExpression(filters=[
        options.FilterOptions(field="timestamp", value=start, operator=mtypes.OperatorType.GTE),
        options.FilterOptions(field="timestamp", value=end, operator=mtypes.OperatorType.LT),
    ])
    opts = options.ListOptions(filter_expression=window, sort=options.SortOptions(sort_by="timestamp", order=mtypes.OrderType.DESC))
    experiment = exp["experiments"][-1]
    table = mon.scoring_aggregates.list(opts, column=column, experiment_uid=experiment)
    sent = dict(responses[-1].request.url.params)
    rows = list(table)
    hours = int((end - start).total_seconds() // 3600)
    check(len(rows) == hours, f"{exp['id']}: high-level scoring list {len(rows)} rows, expected {hours}")
    check(all(r.column.name == column for r in rows), f"{exp['id']}: high-level scoring column")
    check([r.timestamp for r in rows] == sorted((r.timestamp for r in rows), reverse=True), f"{exp['id']}: timestamp desc")
    n = mon.scoring_aggregates.count(window, column=column, experiment_uid=experiment)
    check(n == hours, f"{exp['id']}: high-level scoring count {n}")
    return {"filter": sent.get("filter"), "orderBy": sent.get("orderBy"), "pageSize": sent.get("pageSize"), "rows": len(rows)}


def check_fixtures(directory):
    manifest = json.load(open(os.path.join(directory, "manifest.json")))
    modules = {"monitoring": mm, "deployer": dm, "workspace": wm}
    for name, ref in manifest["files"].items():
        module, klass = ref.split(".")
        with open(os.path.join(directory, name)) as f:
            strict(getattr(modules[module], klass), f.read(), f"fixture {name}")
    return len(manifest["files"])


def main():
    expected = json.load(open(sys.argv[1]))
    env = os.environ
    base = env["MLOPS_GATEWAY_URL"]
    token_provider = h2o_authn.TokenProvider(
        refresh_token=env["MLOPS_REFRESH_TOKEN"],
        client_id=env["MLOPS_CLIENT_ID"],
        client_secret=env["MLOPS_CLIENT_SECRET"],
        token_endpoint_url=env["MLOPS_TOKEN_URL"],
    )
    client = Client(gateway_url=base, authz_gateway_url=base, token_provider=token_provider)
    check_workspaces(client, expected["workspaces"])
    listed = check_deployments(client, expected["deployments"])
    end = datetime.datetime.now(datetime.timezone.utc).replace(minute=0, second=0, microsecond=0)
    start = end - datetime.timedelta(hours=expected["windowHours"])
    results = {"deployments": []}
    for d, exp in zip(listed, expected["deployments"]):
        entry = dict(d)
        entry["baselines"] = check_baselines(client, d, exp)
        entry["scoring"] = check_scoring(client, d, exp, start, end)
        if exp["monitoringEnabled"]:
            entry["highLevel"] = check_high_level(client, d, exp, end - datetime.timedelta(hours=6), end)
        results["deployments"].append(entry)
    if len(sys.argv) > 3:
        results["fixtures"] = check_fixtures(sys.argv[3])
    results["calls"] = st.parsed_calls
    with open(sys.argv[2], "w") as f:
        json.dump(results, f)
    if st.failures:
        print(f"CONFORMANCE-1X FAILED {len(st.failures)} of {st.checks} checks", flush=True)
        sys.exit(1)
    print(f"CONFORMANCE-1X OK {st.checks} checks, {st.calls} calls", flush=True)


if __name__ == "__main__":
    main()
