package main

// Data frames as go-mysql-server tables, the way Grafana's SQL expressions load them
// (grafana/grafana pkg/expr/sql: frame_db.go — one database "frames" whose tables are the input
// frames, named by refId and looked up case-insensitively; frame_table.go — one column per field,
// typed by the field's type, nullable when the field is, rows read with ConcreteAt and NULL where
// the field holds nil). Written here from that description; Grafana's code is not copied.

import (
	"fmt"
	"io"
	"strings"

	gms "github.com/dolthub/go-mysql-server/sql"
	"github.com/dolthub/go-mysql-server/sql/types"
	"github.com/grafana/grafana-plugin-sdk-go/data"
)

const framesDBName = "frames"

type frameTable struct {
	frame  *data.Frame
	schema gms.Schema
}

func newFrameTable(f *data.Frame) (*frameTable, error) {
	schema := make(gms.Schema, len(f.Fields))
	for i, field := range f.Fields {
		t, err := columnType(field.Type())
		if err != nil {
			return nil, fmt.Errorf("table %s, column %s: %w", f.RefID, field.Name, err)
		}
		schema[i] = &gms.Column{Name: field.Name, Type: t, Nullable: field.Type().Nullable(), Source: strings.ToLower(f.RefID)}
	}
	return &frameTable{frame: f, schema: schema}, nil
}

// columnType maps a field type to the column type Grafana gives it (frame_table.go convertDataType).
func columnType(t data.FieldType) (gms.Type, error) {
	switch t.NonNullableType() {
	case data.FieldTypeInt8:
		return types.Int8, nil
	case data.FieldTypeUint8:
		return types.Uint8, nil
	case data.FieldTypeInt16:
		return types.Int16, nil
	case data.FieldTypeUint16:
		return types.Uint16, nil
	case data.FieldTypeInt32:
		return types.Int32, nil
	case data.FieldTypeUint32:
		return types.Uint32, nil
	case data.FieldTypeInt64:
		return types.Int64, nil
	case data.FieldTypeUint64:
		return types.Uint64, nil
	case data.FieldTypeFloat32:
		return types.Float32, nil
	case data.FieldTypeFloat64:
		return types.Float64, nil
	case data.FieldTypeString:
		return types.Text, nil
	case data.FieldTypeBool:
		return types.Boolean, nil
	case data.FieldTypeTime:
		return types.Timestamp, nil
	case data.FieldTypeJSON:
		return types.JSON, nil
	}
	return nil, fmt.Errorf("field type %s has no SQL column type", t)
}

func (t *frameTable) Name() string               { return t.frame.RefID }
func (t *frameTable) String() string             { return t.frame.RefID }
func (t *frameTable) Schema() gms.Schema         { return t.schema }
func (t *frameTable) Collation() gms.CollationID { return gms.Collation_Unspecified }
func (t *frameTable) Partitions(*gms.Context) (gms.PartitionIter, error) {
	return &onePartition{}, nil
}
func (t *frameTable) PartitionRows(*gms.Context, gms.Partition) (gms.RowIter, error) {
	return &frameRows{frame: t.frame}, nil
}

type frameRows struct {
	frame *data.Frame
	row   int
}

func (r *frameRows) Next(*gms.Context) (gms.Row, error) {
	if r.row >= r.frame.Rows() {
		return nil, io.EOF
	}
	row := make(gms.Row, len(r.frame.Fields))
	for i, field := range r.frame.Fields {
		if field.NilAt(r.row) {
			continue
		}
		row[i], _ = field.ConcreteAt(r.row)
	}
	r.row++
	return row, nil
}

func (r *frameRows) Close(*gms.Context) error { return nil }

type onePartition struct{ done bool }

func (p *onePartition) Next(*gms.Context) (gms.Partition, error) {
	if p.done {
		return nil, io.EOF
	}
	p.done = true
	return partitionKey(nil), nil
}

func (p *onePartition) Close(*gms.Context) error { return nil }

type partitionKey []byte

func (k partitionKey) Key() []byte { return k }

// framesDB is the database of input tables; framesProvider serves it under any name.
type framesDB struct{ tables map[string]gms.Table }

func (db *framesDB) Name() string { return framesDBName }
func (db *framesDB) GetTableInsensitive(_ *gms.Context, name string) (gms.Table, bool, error) {
	t, ok := gms.GetTableInsensitive(name, db.tables)
	return t, ok, nil
}
func (db *framesDB) GetTableNames(*gms.Context) ([]string, error) {
	names := make([]string, 0, len(db.tables))
	for n := range db.tables {
		names = append(names, n)
	}
	return names, nil
}

type framesProvider struct{ db *framesDB }

func (p *framesProvider) Database(*gms.Context, string) (gms.Database, error) { return p.db, nil }
func (p *framesProvider) HasDatabase(*gms.Context, string) bool               { return true }
func (p *framesProvider) AllDatabases(*gms.Context) []gms.Database            { return []gms.Database{p.db} }

func newFramesProvider(frames []*data.Frame) (*framesProvider, error) {
	tables := make(map[string]gms.Table, len(frames))
	for _, f := range frames {
		t, err := newFrameTable(f)
		if err != nil {
			return nil, err
		}
		tables[f.RefID] = t
	}
	return &framesProvider{db: &framesDB{tables: tables}}, nil
}
