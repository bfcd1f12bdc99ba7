"""Official-client conformance: the gateway simulator, seen through H2O's own Python client.

Runs with the venv that scripts/setup/tools.ts builds (h2o-mlops==1.3.4, the last release with the
legacy model-monitoring client under h2o_mlops/_autogen/_h2o_mlops_client/model_monitoring).

* The access token comes from Keycloak through the client's OWN refresh-token logic:
  h2o_authn.TokenProvider (refresh_token grant with client_id / client_secret), the provider that
  h2o_mlops.Client uses; the bearer is added by the client's ApiClient.update_params_for_auth.
* EVERY monitoring method is called for EVERY scenario: list_monitored_deployments (all pages),
  get_monitored_deployment, get_monitored_models (all pages), and for each model
  get_model_health_metrics, get_model_drift_metrics, get_model_operational_summary_metrics.
* Each answer must deserialize into the generated models (Configuration.client_side_validation is
  on), and its raw JSON must conform strictly to them: no key the generated model does not know,
  int64 strings that parse, statuses from ApiStatus.allowable_values, RFC 3339 times.
* Values must match the scenario catalogue passed in (ids, names, types, models, features, totals
  equal to the sum of the prediction bins, driftCalculated false for the empty deployment, ...).

Input: argv[1] = JSON file with the expected scenarios; connection settings in the environment
(MLOPS_GATEWAY_URL, MLOPS_TOKEN_URL, MLOPS_CLIENT_ID, MLOPS_CLIENT_SECRET, MLOPS_REFRESH_TOKEN), never
on the command line. Output: one JSON line per checked call and a final line
`CONFORMANCE OK <checks> checks, <calls> calls`; exit status 1 with `FAIL ...` lines otherwise.
Never prints tokens or secrets.
"""

import datetime
import json
import os
import re
import sys
import urllib.parse
import urllib.request

import h2o_authn
import h2o_mlops  # noqa: F401  (loads the generated clients as _h2o_mlops_client / h2o_mlops_autogen)

import _h2o_mlops_client.model_monitoring.models as mm
from _h2o_mlops_client.model_monitoring import Configuration
from h2o_mlops_autogen import Client as AutogenClient

RFC3339 = re.compile(r"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$")

failures = []
checks = 0
calls = 0


def check(condition, what):
    global checks
    checks += 1
    if not condition:
        failures.append(what)
        print(f"FAIL {what}", flush=True)


def conform(raw, klass, where):
    """Raw JSON `raw` conforms strictly to the generated type `klass` (a type string)."""
    if raw is None:
        return
    m = re.match(r"list\[(.*)\]", klass)
    if m:
        check(isinstance(raw, list), f"{where}: expected a list")
        for i, item in enumerate(raw if isinstance(raw, list) else []):
            conform(item, m.group(1), f"{where}[{i}]")
        return
    if klass == "str":
        check(isinstance(raw, str), f"{where}: expected a string, got {type(raw).__name__}")
    elif klass == "int":
        ok = (isinstance(raw, int) and not isinstance(raw, bool)) or (isinstance(raw, str) and re.fullmatch(r"-?\d+", raw))
        check(bool(ok), f"{where}: expected an int or int64 string, got {raw!r}")
    elif klass == "float":
        check(isinstance(raw, (int, float)) and not isinstance(raw, bool), f"{where}: expected a number, got {raw!r}")
    elif klass == "bool":
        check(isinstance(raw, bool), f"{where}: expected a bool, got {raw!r}")
    elif klass == "datetime":
        check(isinstance(raw, str) and bool(RFC3339.match(raw)), f"{where}: expected an RFC 3339 time, got {raw!r}")
    elif klass == "ApiSTATUS":
        check(raw in mm.ApiSTATUS.allowable_values, f"{where}: status {raw!r} not in {mm.ApiSTATUS.allowable_values}")
    else:
        model = getattr(mm, klass)
        check(isinstance(raw, dict), f"{where}: expected an object for {klass}")
        if not isinstance(raw, dict):
            return
        known = {json_key: attr for attr, json_key in model.attribute_map.items()}
        unknown = sorted(set(raw) - set(known))
        check(not unknown, f"{where}: keys unknown to the generated {klass}: {unknown}")
        for json_key, value in raw.items():
            if json_key in known:
                conform(value, model.openapi_types[known[json_key]], f"{where}.{json_key}")


def main():
    global calls
    expected = json.load(open(sys.argv[1]))["scenarios"]
    env = os.environ
    gateway = env["MLOPS_GATEWAY_URL"]

    # The client's own token logic: refresh_token grant, cached until shortly before expiry.
    token_provider = h2o_authn.TokenProvider(
        refresh_token=env["MLOPS_REFRESH_TOKEN"],
        client_id=env["MLOPS_CLIENT_ID"],
        client_secret=env["MLOPS_CLIENT_SECRET"],
        token_endpoint_url=env["MLOPS_TOKEN_URL"],
    )
    first = token_provider()
    check(first == token_provider(), "TokenProvider reuses an unexpired access token")

    # h2o_mlops.Client(gateway_url=..., token_provider=...) builds exactly this composite client.
    client = AutogenClient(gateway_url=gateway, token_provider=token_provider)
    service = client.model_monitoring.monitoring_service
    config = service.api_client.configuration
    check(isinstance(config, Configuration) and config.client_side_validation is True, "client-side validation is on")

    def raw(path, params=None):
        """The same request without the client, to check the JSON itself against the generated models."""
        query = ("?" + urllib.parse.urlencode(params)) if params else ""
        request = urllib.request.Request(
            f"{gateway}/model-monitoring{path}{query}",
            headers={"Authorization": f"Bearer {token_provider()}", "Accept": "application/json"},
        )
        with urllib.request.urlopen(request, timeout=30) as response:
            return json.loads(response.read())

    def call(name, fn, response_type, raw_path, raw_params=None, **kwargs):
        global calls
        calls += 1
        result = fn(**kwargs)
        check(isinstance(result, getattr(mm, response_type)), f"{name}: deserialized into {response_type}")
        conform(raw(raw_path, raw_params), response_type, name)
        return result

    end = datetime.datetime.now(datetime.timezone.utc).replace(microsecond=0)
    start = end - datetime.timedelta(days=7)
    range_params = {"startDateTime": start.isoformat(), "endDateTime": end.isoformat()}

    # list_monitored_deployments: every page.
    listed, token, pages = [], "", 0
    while True:
        kwargs = {"page_size": 3}
        params = {"pageSize": 3}
        if token:
            kwargs["page_token"] = token
            params["pageToken"] = token
        page = call("list_monitored_deployments", service.list_monitored_deployments, "ApiListMonitoredDeploymentsResponse", "/v1/deployment", params, **kwargs)
        pages += 1
        listed.extend(page.deployment or [])
        if pages == 1:
            check(int(page.total_deployments) == len(expected), f"totalDeployments {page.total_deployments!r} == {len(expected)} (an int64 string)")
        token = page.next_page_token
        if not token or pages > 10:
            break
    check(pages == 3, f"7 deployments in pages of 3 → 3 pages (got {pages})")
    check(sorted(d.id for d in listed) == sorted(s["id"] for s in expected), "listed ids are the scenario ids")

    for scenario in expected:
        sid = scenario["id"]
        summary = {"scenario": scenario["key"]}
        listed_d = next((d for d in listed if d.id == sid), None)
        got = call("get_monitored_deployment", service.get_monitored_deployment, "ApiGetMonitoredDeploymentResponse", f"/v1/deployment/{sid}", deployment_id=sid)
        d = got.deployment
        check(d is not None and d.id == sid, f"{sid}: get_monitored_deployment returns it")
        check(d.name == scenario["name"], f"{sid}: name {d.name!r} == {scenario['name']!r}")
        check(d.type == scenario["type"], f"{sid}: type {d.type!r} == {scenario['type']!r}")
        check(d.problem_type == scenario["problemType"], f"{sid}: problem type")
        check(d.monitoring_enabled == scenario["monitoringEnabled"], f"{sid}: monitoringEnabled")
        check(isinstance(d.deployment_date, datetime.datetime) and d.deployment_date.tzinfo is not None, f"{sid}: deploymentDate is an aware datetime")
        expected_models = [(m["name"], m["version"]) for m in scenario["models"]]
        check([(m.registered_model_name, m.registered_model_version) for m in d.models] == expected_models, f"{sid}: models of get_monitored_deployment")
        check(listed_d is not None and listed_d.name == d.name, f"{sid}: list and get agree")

        models, token = [], ""
        while True:
            kwargs = {"deployment_id": sid, "page_size": 1}
            params = {"pageSize": 1}
            if token:
                kwargs["page_token"] = token
                params["pageToken"] = token
            page = call("get_monitored_models", service.get_monitored_models, "ApiGetMonitoredModelsResponse", f"/v1/deployment/{sid}/models", params, **kwargs)
            models.extend(page.model or [])
            token = page.next_page_token
            if not token or len(models) > 10:
                break
        check([(m.registered_model_name, m.registered_model_version) for m in models] == expected_models, f"{sid}: get_monitored_models (all pages)")
        for m in models:
            check(m.drift_status in mm.ApiSTATUS.allowable_values and m.accuracy in mm.ApiSTATUS.allowable_values, f"{sid}: model statuses")
            check(isinstance(m.average_scoring_requests, int), f"{sid}: averageScoringRequests is an int")

        summary["models"] = []
        for index, (name, version) in enumerate(expected_models):
            model_id = sid if index == 0 else f"{name}:{version}"
            enc = urllib.parse.quote(model_id, safe="")
            base = f"/v1/deployment/{sid}/metrics/{enc}"

            health = call(
                "get_model_health_metrics", service.get_model_health_metrics, "ApiGetModelHealthMetricsResponse",
                f"{base}/health", range_params, deployment_id=sid, model_id=model_id, start_date_time=start, end_date_time=end,
            )
            bins = health.predictions.bin if health.predictions else []
            bin_sum = sum(int(b.y) for b in bins)
            check(isinstance(health.total_predictions, int), f"{sid}/{model_id}: totalPredictions is an int")
            check(health.total_predictions == bin_sum, f"{sid}/{model_id}: totalPredictions {health.total_predictions} == sum of bins {bin_sum}")
            # A deployment with monitoring off reports nothing; the empty one has no traffic yet.
            monitored = scenario["monitoringEnabled"]
            live = monitored and scenario["trafficPerHour"] > 0
            if live:
                check(len(bins) > 0, f"{sid}/{model_id}: prediction bins present")
                check(health.total_predictions > 0, f"{sid}/{model_id}: traffic")
            else:
                check(health.total_predictions == 0, f"{sid}/{model_id}: no predictions reported")
            boxes = health.prediction_values.box if health.prediction_values else []
            if scenario["regression"] and live:
                check(len(boxes) > 0, f"{sid}/{model_id}: regression has prediction-value boxes")
                for b in boxes:
                    y = [float(b.y0), float(b.y1), float(b.y2), float(b.y3), float(b.y4)]
                    check(y == sorted(y), f"{sid}/{model_id}: box is a five-number summary (min<=q1<=median<=q3<=max)")
            elif not scenario["regression"]:
                check(len(boxes) == 0, f"{sid}/{model_id}: no boxes for a non-regression deployment")

            feature = scenario["features"][0]
            drift = call(
                "get_model_drift_metrics", service.get_model_drift_metrics, "ApiGetModelDriftMetricsResponse",
                f"{base}/drift", {**range_params, "featureFrequencySelectedFeature": feature},
                deployment_id=sid, model_id=model_id, start_date_time=start, end_date_time=end,
                feature_frequency_selected_feature=feature,
            )
            features = drift.feature_summary.feature if drift.feature_summary else []
            expected_features = sorted(scenario["features"]) if monitored else []
            check(sorted(f.name for f in features) == expected_features, f"{sid}/{model_id}: drift features")
            calculated = [f.drift_calculated for f in features]
            if scenario["key"] == "empty":
                check(calculated and not any(calculated), f"{sid}/{model_id}: driftCalculated false for every feature of the empty deployment")
            elif live:
                check(all(calculated), f"{sid}/{model_id}: driftCalculated true")
            check(drift.count_feature_drift == (drift.high_feature_drift or 0) + (drift.medium_feature_drift or 0) + (drift.low_feature_drift or 0),
                  f"{sid}/{model_id}: countFeatureDrift == high + medium + low")
            importance = drift.feature_importance
            check(importance is not None and isinstance(importance.drift_threshold, float), f"{sid}/{model_id}: drift threshold")
            check(sorted(fd.feature.name for fd in (importance.feature_drift or [])) == expected_features, f"{sid}/{model_id}: featureImportance.featureDrift[].Feature")
            densities = drift.feature_frequency.feature_density if drift.feature_frequency else []
            check([fd.feature_name for fd in densities] == ([feature] if monitored else []), f"{sid}/{model_id}: feature frequency of {feature!r}")

            operational = call(
                "get_model_operational_summary_metrics", service.get_model_operational_summary_metrics,
                "ApiGetModelOperationalSummaryMetricsResponse", f"{base}/operational", range_params,
                deployment_id=sid, model_id=model_id, start_date_time=start, end_date_time=end,
            )
            for graph in ["scoring_latency", "memory_usage", "cpu_usage", "availability", "success_prediction", "failed_prediction"]:
                check(getattr(operational, graph) is not None, f"{sid}/{model_id}: operational {graph} graph")
            check(isinstance(operational.uptime, float), f"{sid}/{model_id}: uptime is a float")

            summary["models"].append({
                "model": f"{name}:{version}", "totalPredictions": health.total_predictions, "bins": len(bins),
                "boxes": len(boxes), "features": len(features), "driftCalculated": any(calculated),
                "countFeatureDrift": drift.count_feature_drift,
            })
        print(json.dumps(summary), flush=True)

    if failures:
        print(f"CONFORMANCE FAILED {len(failures)} of {checks} checks, {calls} calls", flush=True)
        sys.exit(1)
    print(f"CONFORMANCE OK {checks} checks, {calls} calls", flush=True)


if __name__ == "__main__":
    main()
