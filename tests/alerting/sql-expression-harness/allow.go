package main

// Grafana refuses SQL expressions that use anything but a read-only SELECT subset
// (grafana/grafana pkg/expr/sql/parser_allow.go AllowQuery: an allow list of statement nodes and of
// functions). This harness checks the part our rules could trip over: the statement must be a
// SELECT (or a UNION / WITH of SELECTs), and every function must be on the allow list of the
// OLDEST Grafana release that has SQL expressions in alerting (Grafana 12.x), so the rules also
// run there. Names listed in Grafana's file are facts; the check is written here.

import (
	"fmt"
	"strings"

	"github.com/dolthub/vitess/go/vt/sqlparser"
)

var allowedFunctions = map[string]bool{}

func init() {
	for _, name := range strings.Fields(`if coalesce ifnull nullif
		sum avg count min max stddev std stddev_pop variance var_pop
		abs round floor ceiling ceil sqrt pow power mod log log10 exp sign
		concat length char_length lower upper substring substring_index
		str_to_date date_format now curdate curtime date_add date_sub year month day weekday datediff
		unix_timestamp from_unixtime cast
		json_extract json_unquote json_contains json_object json_array json_set json_remove json_length json_search json_type`) {
		allowedFunctions[name] = true
	}
}

func allowQuery(query string) error {
	stmt, err := sqlparser.Parse(query)
	if err != nil {
		return fmt.Errorf("error parsing sql: %s", err.Error())
	}
	switch stmt.(type) {
	case *sqlparser.Select, *sqlparser.SetOp, *sqlparser.ParenSelect:
	default:
		return fmt.Errorf("blocked node %T - not supported in queries", stmt)
	}
	return sqlparser.Walk(func(node sqlparser.SQLNode) (bool, error) {
		if f, ok := node.(*sqlparser.FuncExpr); ok && !allowedFunctions[strings.ToLower(f.Name.String())] {
			return false, fmt.Errorf("blocked function %s - not supported in queries", f.Name.String())
		}
		return true, nil
	}, stmt)
}
