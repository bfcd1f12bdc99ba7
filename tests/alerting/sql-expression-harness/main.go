// Command sql-expression-harness runs Grafana's SQL expressions engine — dolthub's go-mysql-server,
// the library Grafana's server-side SQL expressions embed — over data frames, the way Grafana
// loads frames as tables and turns the result back into a frame (and, for alert rules, into one
// number per row). Grafana's server cannot run on this project's machines; this lets the alerting
// tests run the rules' SQL on the real engine. JSON lines on stdin/stdout, see README.md.
package main

import (
	"bufio"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"os"
	"sort"

	"github.com/grafana/grafana-plugin-sdk-go/data"
)

type request struct {
	ID         string                       `json:"id"`
	RefID      string                       `json:"refId"`
	Expression string                       `json:"expression"`
	Format     string                       `json:"format"`
	Inputs     map[string][]json.RawMessage `json:"inputs"`
}

type response struct {
	ID      string          `json:"id"`
	Frame   json.RawMessage `json:"frame,omitempty"`
	Numbers []number        `json:"numbers,omitempty"`
	NoData  bool            `json:"noData,omitempty"`
	Error   string          `json:"error,omitempty"`
}

func main() {
	reader := bufio.NewReaderSize(os.Stdin, 1<<20)
	out := json.NewEncoder(os.Stdout)
	for {
		line, err := reader.ReadBytes('\n')
		if len(line) > 1 {
			if encErr := out.Encode(handle(line)); encErr != nil {
				fmt.Fprintln(os.Stderr, "writing response:", encErr)
				os.Exit(1)
			}
		}
		if errors.Is(err, io.EOF) {
			return
		}
		if err != nil {
			fmt.Fprintln(os.Stderr, "reading stdin:", err)
			os.Exit(1)
		}
	}
}

func handle(line []byte) (res response) {
	// A panic in the SDK or the engine (e.g. a malformed frame) answers this request, not the process.
	defer func() {
		if r := recover(); r != nil {
			res = response{ID: res.ID, Error: fmt.Sprintf("internal error: %v", r)}
		}
	}()
	var req request
	if err := json.Unmarshal(line, &req); err != nil {
		return response{Error: fmt.Sprintf("invalid request line: %v", err)}
	}
	res.ID = req.ID
	res, err := execute(req)
	if err != nil {
		return response{ID: req.ID, Error: err.Error()}
	}
	res.ID = req.ID
	return res
}

func execute(req request) (response, error) {
	if req.Expression == "" {
		return response{}, fmt.Errorf("%s: the SQL expression is empty", req.RefID)
	}
	refs := make([]string, 0, len(req.Inputs))
	for ref := range req.Inputs {
		refs = append(refs, ref)
	}
	sort.Strings(refs)
	var tables []*data.Frame
	for _, ref := range refs {
		frames := make([]*data.Frame, 0, len(req.Inputs[ref]))
		for _, raw := range req.Inputs[ref] {
			f := &data.Frame{}
			if err := json.Unmarshal(raw, f); err != nil {
				return response{}, fmt.Errorf("input %s: %w", ref, err)
			}
			frames = append(frames, f)
		}
		table, err := inputTable(ref, frames)
		if err != nil {
			return response{}, err
		}
		if table != nil {
			tables = append(tables, table)
		}
	}
	frame, err := runSQL(context.Background(), req.RefID, req.Expression, tables)
	if err != nil {
		return response{}, err
	}
	raw, err := json.Marshal(frame)
	if err != nil {
		return response{}, err
	}
	res := response{Frame: raw}
	if frame.Rows() == 0 {
		res.NoData = true
		return res, nil
	}
	if req.Format == "alerting" {
		if res.Numbers, err = alertingNumbers(frame); err != nil {
			return response{}, err
		}
	}
	return res, nil
}
