// Test tooling: renders route templates with Go's own text/template exactly as Grafana's
// pkg/api/pluginproxy/utils.go interpolateString does (template.New("content") with the orEmpty
// func, default options, Execute over templateData{JsonData, SecureJsonData}), with jsonData
// decoded as Grafana's simplejson decodes it (json.Decoder with UseNumber). Standard library only.
//
// stdin: a JSON array of {"template", "jsonData", "secureJsonData"}; stdout: a JSON array of
// {"out": "..."} or {"error": "..."}, one per case, in order. Nothing is logged (cases may hold
// secrets).
package main

import (
	"bytes"
	"encoding/json"
	"fmt"
	"os"
	"text/template"
)

type templateData struct {
	JsonData       map[string]interface{}
	SecureJsonData map[string]string
}

func interpolateString(text string, data templateData) (string, error) {
	extraFuncs := map[string]interface{}{
		"orEmpty": func(v interface{}) interface{} {
			if v == nil {
				return ""
			}
			return v
		},
	}
	t, err := template.New("content").Funcs(extraFuncs).Parse(text)
	if err != nil {
		return "", fmt.Errorf("could not parse template %s", text)
	}
	var contentBuf bytes.Buffer
	if err := t.Execute(&contentBuf, data); err != nil {
		return "", fmt.Errorf("failed to execute template: %v", err)
	}
	return contentBuf.String(), nil
}

type input struct {
	Template       string            `json:"template"`
	JsonData       json.RawMessage   `json:"jsonData"`
	SecureJsonData map[string]string `json:"secureJsonData"`
}

type result struct {
	Out   *string `json:"out,omitempty"`
	Error *string `json:"error,omitempty"`
}

func decodeJSONData(raw json.RawMessage) (map[string]interface{}, error) {
	data := map[string]interface{}{}
	if len(raw) == 0 {
		return data, nil
	}
	dec := json.NewDecoder(bytes.NewReader(raw))
	dec.UseNumber()
	err := dec.Decode(&data)
	return data, err
}

func main() {
	var cases []input
	if err := json.NewDecoder(os.Stdin).Decode(&cases); err != nil {
		fmt.Fprintln(os.Stderr, "bad input:", err)
		os.Exit(2)
	}
	results := make([]result, 0, len(cases))
	for _, c := range cases {
		jsonData, err := decodeJSONData(c.JsonData)
		if err != nil {
			fmt.Fprintln(os.Stderr, "bad jsonData:", err)
			os.Exit(2)
		}
		secure := c.SecureJsonData
		if secure == nil {
			secure = map[string]string{}
		}
		out, err := interpolateString(c.Template, templateData{JsonData: jsonData, SecureJsonData: secure})
		if err != nil {
			msg := err.Error()
			results = append(results, result{Error: &msg})
		} else {
			results = append(results, result{Out: &out})
		}
	}
	if err := json.NewEncoder(os.Stdout).Encode(results); err != nil {
		os.Exit(2)
	}
}
