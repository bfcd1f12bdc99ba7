// Command infinity-harness runs Grafana Labs' Infinity data source backend in-process and serves it
// over JSON lines on stdin/stdout, so that tests can evaluate alert-rule queries with Infinity's own
// settings decoding, OAuth2 client, macros and parsers, without a Grafana server. See README.md for
// the protocol. stdout carries protocol lines only; logs go to stderr; request lines (which hold
// decrypted secrets) are never logged.
package main

import (
	"context"
	"os"
	"strings"

	"github.com/grafana/grafana-plugin-sdk-go/backend"
	sdklog "github.com/grafana/grafana-plugin-sdk-go/backend/log"
)

func main() {
	logger := sdklog.NewWithLevel(logLevel(os.Getenv("INFINITY_HARNESS_LOG_LEVEL")))
	sdklog.DefaultLogger = logger
	backend.Logger = logger

	h := newHarness(os.Stdout)
	if err := h.serve(context.Background(), os.Stdin); err != nil {
		logger.Error("infinity-harness stopped", "error", err.Error())
		os.Exit(1)
	}
}

// logLevel maps INFINITY_HARNESS_LOG_LEVEL to the SDK's levels. The default is warn because Infinity
// logs every query at info level, which would bury the lines worth reading in a failing test's log.
func logLevel(name string) sdklog.Level {
	switch strings.ToLower(name) {
	case "debug":
		return sdklog.Debug
	case "info":
		return sdklog.Info
	case "error":
		return sdklog.Error
	default:
		return sdklog.Warn
	}
}
