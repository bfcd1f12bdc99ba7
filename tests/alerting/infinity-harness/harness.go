package main

import (
	"bufio"
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"sync"
	"time"

	"github.com/grafana/grafana-infinity-datasource/pkg/pluginhost"
	"github.com/grafana/grafana-plugin-sdk-go/backend"
	"github.com/grafana/grafana-plugin-sdk-go/backend/instancemgmt"
)

// request is one protocol line from stdin; which fields matter depends on Op.
type request struct {
	ID       string            `json:"id"`
	Op       string            `json:"op"`
	Instance string            `json:"instance"`
	Settings *instanceSettings `json:"settings,omitempty"`
	Now      string            `json:"now,omitempty"`
	Queries  []alertQuery      `json:"queries,omitempty"`
}

// response is one protocol line on stdout: the request's id and either a result or Error.
type response struct {
	ID       string          `json:"id"`
	OK       bool            `json:"ok,omitempty"`
	Response json.RawMessage `json:"response,omitempty"`
	Status   string          `json:"status,omitempty"`
	Message  string          `json:"message,omitempty"`
	Details  json.RawMessage `json:"details,omitempty"`
	Error    string          `json:"error,omitempty"`
}

// instance is one data source instance, kept by name so that, as in Grafana's plugin host, the same
// Infinity client (and with it its OAuth2 token cache) serves every evaluation until it is disposed.
type instance struct {
	settings backend.DataSourceInstanceSettings
	handler  backend.Handler
	raw      instancemgmt.Instance
}

type harness struct {
	mu        sync.Mutex
	instances map[string]*instance

	outMu sync.Mutex
	out   *json.Encoder

	inFlight sync.WaitGroup
}

func newHarness(out io.Writer) *harness {
	return &harness{instances: map[string]*instance{}, out: json.NewEncoder(out)}
}

// serve reads requests until EOF, then waits for queries still running and returns nil.
// newInstance and dispose run in order; query and checkHealth run concurrently (as Grafana's alert
// scheduler evaluates rules concurrently), so a slow upstream does not hold up other requests.
func (h *harness) serve(ctx context.Context, in io.Reader) error {
	defer h.inFlight.Wait()
	reader := bufio.NewReader(in)
	for {
		line, err := reader.ReadBytes('\n')
		if len(line) > 0 {
			h.handleLine(ctx, line)
		}
		if errors.Is(err, io.EOF) {
			return nil
		}
		if err != nil {
			return fmt.Errorf("reading stdin: %w", err)
		}
	}
}

func (h *harness) handleLine(ctx context.Context, line []byte) {
	if len(bytes.TrimSpace(line)) == 0 {
		return
	}
	var req request
	if err := json.Unmarshal(line, &req); err != nil {
		h.reply(response{Error: fmt.Sprintf("invalid request line: %v", err)})
		return
	}
	switch req.Op {
	case "newInstance":
		h.reply(h.newInstance(ctx, req))
	case "dispose":
		h.reply(h.dispose(req))
	case "query", "checkHealth":
		// The instance is looked up in line order, so a dispose sent after a query does not overtake it.
		inst, err := h.lookup(req.Instance)
		if err != nil {
			h.reply(response{ID: req.ID, Error: err.Error()})
			return
		}
		h.inFlight.Add(1)
		go func() {
			defer h.inFlight.Done()
			if req.Op == "query" {
				h.reply(query(ctx, inst, req))
			} else {
				h.reply(checkHealth(ctx, inst, req))
			}
		}()
	default:
		h.reply(response{ID: req.ID, Error: fmt.Sprintf("unknown op %q", req.Op)})
	}
}

func (h *harness) reply(res response) {
	h.outMu.Lock()
	defer h.outMu.Unlock()
	if err := h.out.Encode(res); err != nil {
		backend.Logger.Error("writing response", "id", res.ID, "error", err.Error())
	}
}

// newInstance creates the instance the way Grafana's plugin host does: Infinity's own factory with
// the data source's settings. An existing instance of that name is disposed and replaced, as
// Grafana does when a data source's settings change.
func (h *harness) newInstance(ctx context.Context, req request) response {
	if req.Instance == "" || req.Settings == nil {
		return response{ID: req.ID, Error: "newInstance needs instance and settings"}
	}
	settings, err := req.Settings.toBackend()
	if err != nil {
		return response{ID: req.ID, Error: err.Error()}
	}
	raw, err := pluginhost.NewDataSourceInstance(ctx, settings)
	if err != nil {
		return response{ID: req.ID, Error: err.Error()}
	}
	handler, err := withSDKMiddlewares(raw)
	if err != nil {
		return response{ID: req.ID, Error: err.Error()}
	}
	h.mu.Lock()
	old := h.instances[req.Instance]
	h.instances[req.Instance] = &instance{settings: settings, handler: handler, raw: raw}
	h.mu.Unlock()
	disposeInstance(old)
	return response{ID: req.ID, OK: true}
}

func (h *harness) dispose(req request) response {
	h.mu.Lock()
	inst, ok := h.instances[req.Instance]
	delete(h.instances, req.Instance)
	h.mu.Unlock()
	if !ok {
		return response{ID: req.ID, Error: fmt.Sprintf("no instance %q", req.Instance)}
	}
	disposeInstance(inst)
	return response{ID: req.ID, OK: true}
}

func disposeInstance(inst *instance) {
	if inst == nil {
		return
	}
	if d, ok := inst.raw.(instancemgmt.InstanceDisposer); ok {
		d.Dispose()
	}
}

func (h *harness) lookup(name string) (*instance, error) {
	h.mu.Lock()
	defer h.mu.Unlock()
	inst, ok := h.instances[name]
	if !ok {
		return nil, fmt.Errorf("no instance %q", name)
	}
	return inst, nil
}

func query(ctx context.Context, inst *instance, req request) response {
	now := time.Now()
	if req.Now != "" {
		var err error
		if now, err = time.Parse(time.RFC3339Nano, req.Now); err != nil {
			return response{ID: req.ID, Error: fmt.Sprintf("now: %v", err)}
		}
	}
	qdr, err := alertQueryDataRequest(&inst.settings, req.Queries, now)
	if err != nil {
		return response{ID: req.ID, Error: err.Error()}
	}
	res, err := inst.handler.QueryData(ctx, qdr)
	if err != nil {
		return response{ID: req.ID, Error: err.Error()}
	}
	body, err := res.MarshalJSON() // the SDK's own wire format: {"results":{"A":{...}}}
	if err != nil {
		return response{ID: req.ID, Error: fmt.Sprintf("marshalling the response: %v", err)}
	}
	return response{ID: req.ID, Response: body}
}

func checkHealth(ctx context.Context, inst *instance, req request) response {
	res, err := inst.handler.CheckHealth(ctx, &backend.CheckHealthRequest{PluginContext: pluginContext(&inst.settings)})
	if err != nil {
		return response{ID: req.ID, Error: err.Error()}
	}
	out := response{ID: req.ID, Status: res.Status.String(), Message: res.Message}
	if len(res.JSONDetails) > 0 && json.Valid(res.JSONDetails) {
		out.Details = res.JSONDetails
	}
	return out
}
