package main

// Runs one SQL expression the way Grafana's server-side expressions do (grafana/grafana pkg/expr:
// sql_command.go SQLCommand.Execute and handleSqlInput; sql/db.go DB.QueryFrames;
// sql/frame_db_conv.go convertToDataFrame and MySQLColToFieldType). Written from that description.

import (
	"context"
	"errors"
	"fmt"
	"io"
	"time"

	sqle "github.com/dolthub/go-mysql-server"
	gms "github.com/dolthub/go-mysql-server/sql"
	"github.com/dolthub/go-mysql-server/sql/analyzer"
	"github.com/dolthub/go-mysql-server/sql/types"
	"github.com/grafana/grafana-plugin-sdk-go/data"
	"github.com/shopspring/decimal"
)

// Grafana's defaults for SQL expressions (conf/defaults.ini, [expressions]): sql_expression_cell_limit
// 100000 input cells, sql_expression_output_cell_limit 100000, sql_expression_timeout 10s.
const (
	inputCellLimit  = 100000
	outputCellLimit = 100000
	queryTimeout    = 10 * time.Second
)

// inputTable turns one refId's frames into a table as handleSqlInput does: frames of a data-plane
// type Grafana converts (numeric-multi/-wide, timeseries-multi/-wide) would become the "full long"
// format — no rule here feeds such frames, so the harness refuses them rather than guess; any other
// response passes through when it is a single frame without labels (named by the refId), and is
// an error otherwise. (Infinity marks its merged, paginated tables numeric-long: passed through.)
func inputTable(refID string, frames []*data.Frame) (*data.Frame, error) {
	if len(frames) == 0 {
		return nil, nil
	}
	first := frames[0]
	if first.Meta != nil {
		switch first.Meta.Type {
		case data.FrameTypeNumericMulti, data.FrameTypeNumericWide, data.FrameTypeTimeSeriesMulti, data.FrameTypeTimeSeriesWide:
			return nil, fmt.Errorf("%s: frames of type %s need Grafana's long conversion, which this harness does not implement", refID, first.Meta.Type)
		}
	}
	if len(frames) > 1 {
		return nil, fmt.Errorf("%s: can not convert because the response has more than one dataframe that can not be automatically mapped to a single table", refID)
	}
	for _, f := range first.Fields {
		if len(f.Labels) > 0 {
			return nil, fmt.Errorf("%s: can not convert because the response has labels in the response that can not be mapped to a table", refID)
		}
	}
	first.RefID = refID
	return first, nil
}

// runSQL runs query over the tables and returns the result frame named refID.
func runSQL(ctx context.Context, refID, query string, tables []*data.Frame) (*data.Frame, error) {
	if err := allowQuery(query); err != nil {
		return nil, err
	}
	cells := 0
	for _, t := range tables {
		cells += t.Rows() * len(t.Fields)
	}
	if cells > inputCellLimit {
		return nil, fmt.Errorf("%s: the input has %d cells, more than the limit of %d", refID, cells, inputCellLimit)
	}
	ctx, cancel := context.WithTimeout(ctx, queryTimeout)
	defer cancel()
	provider, err := newFramesProvider(tables)
	if err != nil {
		return nil, err
	}
	mctx := gms.NewContext(ctx, gms.WithSession(gms.NewBaseSession()))
	mctx.SetCurrentDatabase(framesDBName)
	engine := sqle.New(analyzer.NewDefault(provider), &sqle.Config{IsReadOnly: true})
	schema, iter, _, err := engine.Query(mctx, query)
	if err != nil {
		return nil, fmt.Errorf("SQL expression %s: %w", refID, err)
	}
	frame, err := framesFromRows(mctx, iter, schema)
	if err != nil {
		return nil, fmt.Errorf("SQL expression %s: %w", refID, err)
	}
	frame.Name, frame.RefID = refID, refID
	return frame, nil
}

// framesFromRows builds the result frame: one field per column, typed as Grafana maps column types
// (decimals become float64, text becomes string, nullable columns nullable fields), each value
// normalised by the column type's Convert first, as Grafana does.
func framesFromRows(ctx *gms.Context, iter gms.RowIter, schema gms.Schema) (*data.Frame, error) {
	f := &data.Frame{}
	for _, col := range schema {
		ft, err := fieldType(col)
		if err != nil {
			return nil, err
		}
		field := data.NewFieldFromFieldType(ft, 0)
		field.Name = col.Name
		f.Fields = append(f.Fields, field)
	}
	cells := 0
	for {
		row, err := iter.Next(ctx)
		if errors.Is(err, io.EOF) {
			break
		}
		if err != nil {
			return nil, err
		}
		if cells += len(row); cells > outputCellLimit {
			return f, nil
		}
		for i, v := range row {
			nv, _, err := schema[i].Type.Convert(ctx, v)
			if err != nil {
				return nil, err
			}
			fv, err := fieldValue(f.Fields[i].Type(), nv)
			if err != nil {
				return nil, fmt.Errorf("column %s: %w", schema[i].Name, err)
			}
			if fv == nil && !f.Fields[i].Type().Nullable() {
				f.Fields[i] = nullable(f.Fields[i])
			}
			f.Fields[i].Append(fv)
		}
	}
	return f, nil
}

func fieldType(col *gms.Column) (data.FieldType, error) {
	var ft data.FieldType
	switch {
	case col.Type == types.Int8:
		ft = data.FieldTypeInt8
	case col.Type == types.Int16:
		ft = data.FieldTypeInt16
	case col.Type == types.Int32:
		ft = data.FieldTypeInt32
	case col.Type == types.Int64:
		ft = data.FieldTypeInt64
	case col.Type == types.Uint8:
		ft = data.FieldTypeUint8
	case col.Type == types.Uint16:
		ft = data.FieldTypeUint16
	case col.Type == types.Uint32:
		ft = data.FieldTypeUint32
	case col.Type == types.Uint64:
		ft = data.FieldTypeUint64
	case col.Type == types.Float32:
		ft = data.FieldTypeFloat32
	case col.Type == types.Float64:
		ft = data.FieldTypeFloat64
	case col.Type == types.Timestamp, col.Type == types.Datetime:
		ft = data.FieldTypeTime
	case col.Type == types.Boolean:
		ft = data.FieldTypeBool
	case col.Type == types.JSON:
		ft = data.FieldTypeJSON
	case types.IsDecimal(col.Type):
		ft = data.FieldTypeFloat64
	case types.IsText(col.Type):
		ft = data.FieldTypeString
	default:
		return ft, fmt.Errorf("unsupported type for column %s of type %v", col.Name, col.Type)
	}
	if col.Nullable {
		ft = ft.NullableType()
	}
	return ft, nil
}

func fieldValue(ft data.FieldType, v any) (any, error) {
	if v == nil {
		return nil, nil
	}
	ptr := ft.Nullable()
	switch ft.NonNullableType() {
	case data.FieldTypeFloat64:
		switch x := v.(type) {
		case float64:
			return maybePtr(x, ptr), nil
		case decimal.Decimal:
			return maybePtr(x.InexactFloat64(), ptr), nil
		}
	case data.FieldTypeBool:
		if x, ok := v.(int8); ok {
			return maybePtr(x != 0, ptr), nil
		}
	case data.FieldTypeInt8:
		return typed[int8](v, ptr)
	case data.FieldTypeInt16:
		return typed[int16](v, ptr)
	case data.FieldTypeInt32:
		return typed[int32](v, ptr)
	case data.FieldTypeInt64:
		return typed[int64](v, ptr)
	case data.FieldTypeUint8:
		return typed[uint8](v, ptr)
	case data.FieldTypeUint16:
		return typed[uint16](v, ptr)
	case data.FieldTypeUint32:
		return typed[uint32](v, ptr)
	case data.FieldTypeUint64:
		return typed[uint64](v, ptr)
	case data.FieldTypeFloat32:
		return typed[float32](v, ptr)
	case data.FieldTypeString:
		return typed[string](v, ptr)
	case data.FieldTypeTime:
		return typed[time.Time](v, ptr)
	}
	return nil, fmt.Errorf("unexpected value %v of type %T for a %s field", v, v, ft)
}

func typed[T any](v any, ptr bool) (any, error) {
	x, ok := v.(T)
	if !ok {
		return nil, fmt.Errorf("unexpected value %v of type %T", v, v)
	}
	return maybePtr(x, ptr), nil
}

func maybePtr[T any](v T, ptr bool) any {
	if ptr {
		return &v
	}
	return v
}

func nullable(old *data.Field) *data.Field {
	nf := data.NewFieldFromFieldType(old.Type().NullableType(), 0)
	nf.Name = old.Name
	for i := 0; i < old.Len(); i++ {
		nf.Append(old.PointerAt(i))
	}
	return nf
}

// number is one alert instance's value: the frame's only numeric field, labelled by its string fields.
type number struct {
	Labels map[string]string `json:"labels"`
	Value  *float64          `json:"value"`
}

// alertingNumbers converts a SQL result for alerting (format "alerting"), as Grafana's
// extractNumberSetFromSQLForAlerting does: exactly one numeric field; every string field is a label;
// a label set that appears twice is an error.
func alertingNumbers(f *data.Frame) ([]number, error) {
	numeric := -1
	for i, field := range f.Fields {
		if field.Type().Numeric() {
			if numeric >= 0 {
				return nil, errors.New("expected exactly one numeric field, but found multiple")
			}
			numeric = i
		}
	}
	if numeric < 0 {
		return nil, errors.New("no numeric field found in frame")
	}
	seen := map[data.Fingerprint]bool{}
	var out []number
	for row := 0; row < f.Rows(); row++ {
		v, err := f.Fields[numeric].FloatAt(row)
		if err != nil {
			return nil, fmt.Errorf("failed to read numeric value at row %d: %w", row, err)
		}
		labels := data.Labels{}
		for i, field := range f.Fields {
			if i == numeric || field.Type().NonNullableType() != data.FieldTypeString {
				continue
			}
			switch s := field.At(row).(type) {
			case string:
				labels[field.Name] = s
			case *string:
				if s != nil {
					labels[field.Name] = *s
				}
			}
		}
		fp := labels.Fingerprint()
		if seen[fp] {
			return nil, fmt.Errorf("duplicate label set %s: every row needs unique string columns", labels.String())
		}
		seen[fp] = true
		value := v
		out = append(out, number{Labels: labels, Value: &value})
	}
	return out, nil
}
