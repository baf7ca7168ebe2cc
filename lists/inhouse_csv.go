package lists

import (
	"bytes"
	"context"
	"encoding/csv"
	"errors"
	"fmt"
	"io"
	"os"
	"strings"
	"unicode/utf8"
)

// inhouseHeader is the in-house list layout exporters keep for their own
// restricted parties.
var inhouseHeader = []string{"id", "name", "aliases", "type", "countries", "programs", "notes"}

func detectInhouseCSV(base string, head []byte) bool {
	line, _, _ := bytes.Cut(head, []byte("\n"))
	line = bytes.TrimSpace(line)
	return bytes.HasPrefix(bytes.ToLower(line), []byte("id,name,aliases"))
}

// ReadInhouseCSV reads an in-house list: a header id,name,aliases,type,
// countries,programs,notes; aliases, countries and programs split on ';'.
// An alias written "~name" is a weak alias. Rows without id or name are
// skipped and reported as problems.
func ReadInhouseCSV(ctx context.Context, path string) (*List, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	r := csv.NewReader(f)
	r.FieldsPerRecord = -1
	header, err := r.Read()
	if err != nil {
		return nil, fmt.Errorf("%s: reading header: %w", path, err)
	}
	if len(header) > 0 {
		header[0] = strings.TrimPrefix(header[0], "\ufeff")
	}
	col := map[string]int{}
	for i, h := range header {
		col[strings.ToLower(strings.TrimSpace(h))] = i
	}
	for _, need := range []string{"id", "name"} {
		if _, ok := col[need]; !ok {
			return nil, fmt.Errorf("%s: line 1: missing column %q (want %s)", path, need, strings.Join(inhouseHeader, ","))
		}
	}
	get := func(rec []string, name string) string {
		if i, ok := col[name]; ok && i < len(rec) {
			return strings.TrimSpace(rec[i])
		}
		return ""
	}
	l := &List{ID: "inhouse", Format: "inhouse-csv", Files: []string{path}}
	for {
		rec, err := r.Read()
		if errors.Is(err, io.EOF) {
			break
		}
		if err != nil {
			var pe *csv.ParseError
			if errors.As(err, &pe) {
				l.Problems = append(l.Problems, Problem{File: path, Line: int64(pe.StartLine), Reason: pe.Err.Error()})
				continue
			}
			return nil, fmt.Errorf("%s: %w", path, err)
		}
		line, _ := r.FieldPos(0)
		if line%4096 == 0 {
			if err := ctx.Err(); err != nil {
				return nil, err
			}
		}
		id, name := get(rec, "id"), get(rec, "name")
		switch {
		case id == "" || name == "":
			l.Problems = append(l.Problems, Problem{File: path, Line: int64(line), Reason: "missing id or name"})
			continue
		case !utf8.ValidString(strings.Join(rec, "")):
			l.Problems = append(l.Problems, Problem{File: path, Line: int64(line), Reason: "invalid UTF-8"})
			continue
		}
		e := &Entry{List: l.ID, ID: id, Type: parseEntryType(get(rec, "type")), Source: path, Remarks: get(rec, "notes")}
		e.addName(name, NamePrimary, scriptOf(name))
		for _, a := range splitList(get(rec, "aliases")) {
			kind := NameAKA
			if strings.HasPrefix(a, "~") {
				kind, a = NameWeak, strings.TrimSpace(a[1:])
			}
			e.addName(a, kind, scriptOf(a))
		}
		// Codes or names in any language ("DE", "Iran", "Russische Föderation").
		for _, c := range splitList(get(rec, "countries")) {
			e.addCountry(c) // "Korea (North)" and "kp" both become KP
		}
		e.Programs = splitList(get(rec, "programs"))
		l.Entries = append(l.Entries, e)
	}
	return l, nil
}

func splitList(s string) []string {
	var out []string
	for _, p := range strings.Split(s, ";") {
		if p = strings.TrimSpace(p); p != "" {
			out = append(out, p)
		}
	}
	return out
}

func parseEntryType(s string) EntryType {
	switch strings.ToLower(strings.TrimSpace(s)) {
	case "person", "individual", "natural person":
		return TypePerson
	case "organisation", "organization", "entity", "company", "legal person":
		return TypeOrganisation
	case "vessel", "ship":
		return TypeVessel
	case "aircraft":
		return TypeAircraft
	}
	return TypeUnknown
}
