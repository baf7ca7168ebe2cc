package lists

import (
	"bytes"
	"context"
	"errors"
	"io"
	"strings"
)

// OpenSanctions' targets.simple.csv flattens each target entity to one row:
// id, schema, name, aliases, birth_date, countries, addresses, identifiers,
// sanctions, phones, emails, program_ids, dataset, first_seen, last_seen,
// last_change. Multi-valued cells are ";"-separated; countries are ISO2
// codes in lower case; identifiers carry no type.

const osTargetsHeaderStart = "id,schema,name,aliases,birth_date,countries"

func detectOSTargetsCSV(base string, head []byte) bool {
	return bytes.HasPrefix(head, []byte(osTargetsHeaderStart))
}

// ReadOSTargetsCSV reads an OpenSanctions targets.simple.csv export.
func ReadOSTargetsCSV(ctx context.Context, path string) (*List, error) {
	return readWith(ctx, path, readOSTargetsCSV, ".csv")
}

func readOSTargetsCSV(ctx context.Context, r io.Reader, path string) (*List, error) {
	t, err := newCSVTable(newCSVReader(r, 0), path, "a targets.simple.csv", "id", "schema", "name")
	if err != nil {
		return nil, err
	}
	get := t.get
	l := &List{ID: "opensanctions", Format: "os-targets-csv", Files: []string{path}}
	probs := problems{file: path}
	for {
		rec, line, err := t.next(ctx, &probs)
		if errors.Is(err, io.EOF) {
			break
		}
		if err != nil {
			return nil, err
		}
		id, name := get(rec, "id"), clean(get(rec, "name"))
		if id == "" || name == "" {
			probs.addf(int64(line), "row without id or name")
			continue
		}
		typ, ok := ftmPartySchemas[get(rec, "schema")]
		if !ok {
			typ = TypeUnknown
		}
		e := &Entry{List: l.ID, ID: id, Type: typ, Source: path}
		e.addName(name, NamePrimary, scriptOf(name))
		for _, a := range splitList(get(rec, "aliases")) {
			e.addName(a, NameAKA, scriptOf(a))
		}
		for _, c := range splitList(get(rec, "countries")) {
			e.addCountry(c)
		}
		for _, a := range splitList(get(rec, "addresses")) {
			e.addAddress(Address{Full: a})
		}
		for _, v := range splitList(get(rec, "identifiers")) {
			e.addIdentifier("identifier", v, "")
		}
		for _, d := range splitList(get(rec, "birth_date")) {
			e.BirthDates = appendOnce(e.BirthDates, d)
		}
		for _, p := range append(splitList(get(rec, "program_ids")), splitList(get(rec, "dataset"))...) {
			e.Programs = appendOnce(e.Programs, p)
		}
		if fs := get(rec, "first_seen"); fs != "" {
			e.ListedOn = isoDate(fs, false)
		}
		e.Remarks = strings.Join(splitList(get(rec, "sanctions")), "; ")
		l.Entries = append(l.Entries, e)
	}
	l.Problems = probs.list
	if len(l.Entries) == 0 && len(l.Problems) > 0 {
		return nil, notFormat(path, "targets.simple.csv", l.Problems)
	}
	return l, nil
}
