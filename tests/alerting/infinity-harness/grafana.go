package main

// What Grafana does around a data source plugin when an alert rule is evaluated, reproduced from
// Grafana's and the plugin SDK's sources so that Infinity sees the request it would see in Grafana.

import (
	"encoding/json"
	"errors"
	"fmt"
	"strconv"
	"time"

	"github.com/grafana/grafana-plugin-sdk-go/backend"
	"github.com/grafana/grafana-plugin-sdk-go/backend/instancemgmt"
)

// infinityPluginID is Infinity's plugin id (src/plugin.json), which Grafana puts in the plugin context.
const infinityPluginID = "yesoreyeram-infinity-datasource"

// alertOrgID is the organisation of the rules under test (Grafana's default org).
const alertOrgID = 1

// Defaults Grafana's alerting puts into a query model that lacks them or has them at 0:
// pkg/services/ngalert/models/alert_query.go, `defaultMaxDataPoints float64 = 43200 // 12 hours at
// 1sec interval` and `defaultIntervalMS float64 = 1000`, applied by setMaxDatapoints/setIntervalMS
// (via GetModel, GetIntervalDuration, GetMaxDatapoints) when getExprRequest in
// pkg/services/ngalert/eval/eval.go builds the request.
const (
	defaultMaxDataPoints float64 = 43200
	defaultIntervalMS    float64 = 1000
)

// instanceSettings is a data source as Grafana stores it (and provisioning files declare it):
// top-level url and basic auth, jsonData, and secureJsonData, which Grafana decrypts for the plugin.
type instanceSettings struct {
	ID                      int64             `json:"id"`
	UID                     string            `json:"uid"`
	Name                    string            `json:"name"`
	URL                     string            `json:"url"`
	BasicAuth               bool              `json:"basicAuth"`
	BasicAuthUser           string            `json:"basicAuthUser"`
	JSONData                json.RawMessage   `json:"jsonData"`
	DecryptedSecureJSONData map[string]string `json:"decryptedSecureJsonData"`
	Updated                 string            `json:"updated"`
}

func (s instanceSettings) toBackend() (backend.DataSourceInstanceSettings, error) {
	jsonData := s.JSONData
	if len(jsonData) == 0 || string(jsonData) == "null" {
		jsonData = json.RawMessage("{}")
	}
	updated := time.Now()
	if s.Updated != "" {
		t, err := time.Parse(time.RFC3339Nano, s.Updated)
		if err != nil {
			return backend.DataSourceInstanceSettings{}, fmt.Errorf("settings.updated: %w", err)
		}
		updated = t
	}
	secure := s.DecryptedSecureJSONData
	if secure == nil {
		secure = map[string]string{}
	}
	return backend.DataSourceInstanceSettings{
		ID:                      s.ID,
		UID:                     s.UID,
		Type:                    infinityPluginID,
		Name:                    s.Name,
		URL:                     s.URL,
		BasicAuthEnabled:        s.BasicAuth,
		BasicAuthUser:           s.BasicAuthUser,
		JSONData:                jsonData,
		DecryptedSecureJSONData: secure,
		Updated:                 updated,
	}, nil
}

func pluginContext(settings *backend.DataSourceInstanceSettings) backend.PluginContext {
	return backend.PluginContext{
		OrgID:                      alertOrgID,
		PluginID:                   infinityPluginID,
		DataSourceInstanceSettings: settings,
	}
}

// withSDKMiddlewares puts Infinity's instance behind the plugin SDK's handler middlewares that can
// change what the upstream or Grafana sees. backend.Manage (which Infinity's main uses) installs these
// by default (defaultHandlerMiddlewares in the SDK's backend/serve.go): the error-source middleware
// fills in each failed response's errorSource and status, and the alert forwarder adds the FromAlert
// header to requests of HTTP clients built with the SDK's httpclient package (Infinity's client is
// plain net/http, so its upstream does not get that header). The others there only log, trace and
// count, or forward "http_"-prefixed headers, which alerting does not set for these rules.
func withSDKMiddlewares(inst instancemgmt.Instance) (backend.Handler, error) {
	handlers := backend.Handlers{}
	var ok bool
	if handlers.QueryDataHandler, ok = inst.(backend.QueryDataHandler); !ok {
		return nil, errors.New("the Infinity instance does not handle QueryData")
	}
	if handlers.CheckHealthHandler, ok = inst.(backend.CheckHealthHandler); !ok {
		return nil, errors.New("the Infinity instance does not handle CheckHealth")
	}
	return backend.HandlerFromMiddlewares(handlers,
		backend.NewAlertForwarderMiddleware(),
		backend.NewErrorSourceMiddleware(),
	)
}

// alertQuery is one entry of an alert rule's `data`, as in provisioning files and Grafana's API.
type alertQuery struct {
	RefID             string `json:"refId"`
	QueryType         string `json:"queryType"`
	RelativeTimeRange struct {
		From float64 `json:"from"`
		To   float64 `json:"to"`
	} `json:"relativeTimeRange"`
	Model json.RawMessage `json:"model"`
}

// alertQueryDataRequest builds the QueryDataRequest Grafana's alert evaluator sends for these
// queries at `now`.
func alertQueryDataRequest(settings *backend.DataSourceInstanceSettings, queries []alertQuery, now time.Time) (*backend.QueryDataRequest, error) {
	if len(queries) == 0 {
		return nil, errors.New("query needs at least one query")
	}
	req := &backend.QueryDataRequest{
		PluginContext: pluginContext(settings),
		Headers:       alertHeaders(),
	}
	for _, q := range queries {
		dq, err := alertDataQuery(q, now)
		if err != nil {
			return nil, fmt.Errorf("query %q: %w", q.RefID, err)
		}
		req.Queries = append(req.Queries, dq)
	}
	return req, nil
}

// alertHeaders are the headers buildDatasourceHeaders in pkg/services/ngalert/eval/eval.go sets on
// every rule evaluation: models.FromAlertHeaderName ("FromAlert") and models.CacheSkipHeaderName
// ("X-Cache-Skip") set to "true", and X-Grafana-Org-Id from the rule key the scheduler puts into the
// context. (It also adds "http_X-Rule-*" headers for a condition's metadata; the rules here have none.)
func alertHeaders() map[string]string {
	return map[string]string{
		"FromAlert":        "true",
		"X-Cache-Skip":     "true",
		"X-Grafana-Org-Id": strconv.Itoa(alertOrgID),
	}
}

// alertDataQuery mirrors getExprRequest (ngalert/eval/eval.go) and the expr service: the model is
// passed through with intervalMs/maxDataPoints defaulted (Grafana does not add refId to it), and the
// relative time range becomes [now-from, now-to].
func alertDataQuery(q alertQuery, now time.Time) (backend.DataQuery, error) {
	if q.RefID == "" {
		return backend.DataQuery{}, errors.New("refId is empty")
	}
	// ngalert's Duration unmarshals whole seconds: time.Duration(value) * time.Second.
	from := time.Duration(q.RelativeTimeRange.From) * time.Second
	to := time.Duration(q.RelativeTimeRange.To) * time.Second
	if from <= to {
		// AlertQuery.PreSave refuses such a rule: "invalid relative time range".
		return backend.DataQuery{}, fmt.Errorf("invalid relative time range: from %v must be greater than to %v", from, to)
	}
	props := map[string]any{}
	if err := json.Unmarshal(q.Model, &props); err != nil {
		return backend.DataQuery{}, fmt.Errorf("failed to unmarshal query model: %w", err)
	}
	intervalMs := defaultedNumber(props, "intervalMs", defaultIntervalMS)
	maxDataPoints := defaultedNumber(props, "maxDataPoints", defaultMaxDataPoints)
	model, err := json.Marshal(props)
	if err != nil {
		return backend.DataQuery{}, fmt.Errorf("unable to marshal query model: %w", err)
	}
	queryType := q.QueryType
	if t, ok := props["queryType"].(string); ok && queryType == "" {
		queryType = t // AlertQuery.PreSave copies the model's queryType when the rule has none
	}
	return backend.DataQuery{
		RefID:         q.RefID,
		QueryType:     queryType,
		JSON:          model,
		Interval:      time.Duration(intervalMs) * time.Millisecond,
		MaxDataPoints: int64(maxDataPoints),
		TimeRange:     backend.TimeRange{From: now.Add(-from), To: now.Add(-to)},
	}, nil
}

// defaultedNumber sets props[key] to def when it is missing, not a number or 0 (setIntervalMS and
// setMaxDatapoints in ngalert/models/alert_query.go) and returns the value.
func defaultedNumber(props map[string]any, key string, def float64) float64 {
	if v, ok := props[key].(float64); ok && v != 0 {
		return v
	}
	props[key] = def
	return def
}
