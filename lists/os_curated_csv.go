package lists

import (
	"bytes"
	"context"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"io"
	"strconv"
	"strings"
)

// Some small official lists have no machine-readable publication, and
// OpenSanctions keeps them as hand-curated CSVs in its repository
// (datasets/*/): the BIS Military-Intelligence End-User list, the DoD
// Section 1260H and Section 1286 lists, China's countersanctions, the State
// Department's Cuba Restricted List. Each has its own header; one table
// maps each header to the Entry fields, so one reader serves them all.
//
// A row with an end date has been taken off the list: it is skipped and
// reported, not screened against.

type curatedLayout struct {
	listID  string
	summary string
	header  string // the exact header line
	id      string // column with a stable id; "" → hash of the primary name
	name    string // primary name
	names   []curatedNames
	country string
	typ     string    // column with an FtM schema or "Person"/"Organization"
	deftyp  EntryType // when there is no type column
	listed  string    // listing date column
	ended   string    // delisting date column
	program string    // program column; "" → fixed
	fixed   string    // program when there is no column
	remarks []string
	address string
}

type curatedNames struct {
	col  string
	kind NameKind
}

var curatedLayouts = []curatedLayout{
	{
		listID: "us_bis_mieu", summary: "BIS Military-Intelligence End-User list",
		header: "Type,Name,Alias,Country,Topics,Program,Date,End date,Source URL",
		name:   "Name", names: []curatedNames{{"Alias", NameAKA}}, country: "Country", typ: "Type",
		listed: "Date", ended: "End date", program: "Program",
	},
	{
		listID: "us_dod_1260h", summary: "DoD Section 1260H Chinese military companies",
		header: "Name,Clean Name,Alias,Previous Name,Parent Name,Note,Start date,End date,Source Url",
		name:   "Clean Name", names: []curatedNames{{"Name", NameAKA}, {"Alias", NameAKA}, {"Previous Name", NameFKA}},
		deftyp: TypeOrganisation, listed: "Start date", ended: "End date", fixed: "US-DOD-1260H",
		remarks: []string{"Note", "Parent Name"},
	},
	{
		listID: "us_ndaa_1286", summary: "DoD Section 1286 list of foreign institutions",
		header: "schema,name,aliases,topics,program,authority,reason,report-date,start-date,end-date,country,notes,source_url",
		name:   "name", names: []curatedNames{{"aliases", NameAKA}}, country: "country", typ: "schema",
		listed: "report-date", ended: "end-date", program: "program", remarks: []string{"reason", "notes"},
	},
	{
		listID: "cn_countersanctions", summary: "China MFA/MOFCOM countersanctions and unreliable entities",
		header: "Type,QID,Name,Alias,Chinese name,Country,Topics,Summary,Chinese summary,Body,List,Date,End date,Source URL,Address",
		name:   "Name", names: []curatedNames{{"Alias", NameAKA}, {"Chinese name", NameAKA}}, country: "Country", typ: "Type",
		listed: "Date", ended: "End date", program: "List", fixed: "CN-SANCTIONS", remarks: []string{"Summary", "Body"},
		address: "Address",
	},
	{
		listID: "us_cuba_restricted", summary: "State Department Cuba Restricted List",
		header: "Id,Company,Acronym,Alias,Sector,Category,Parent,EffectiveDate,SourceURL",
		id:     "Id", name: "Company", names: []curatedNames{{"Acronym", NameAKA}, {"Alias", NameAKA}},
		deftyp: TypeOrganisation, listed: "EffectiveDate", fixed: "US-CUBA-RESTRICTED", remarks: []string{"Category", "Sector"},
	},
}

func curatedLayoutOf(head []byte) (curatedLayout, bool) {
	line, _, _ := bytes.Cut(head, []byte("\n"))
	line = bytes.TrimRight(line, "\r")
	for _, cl := range curatedLayouts {
		if string(line) == cl.header {
			return cl, true
		}
	}
	return curatedLayout{}, false
}

func detectOSCuratedCSV(base string, head []byte) bool {
	_, ok := curatedLayoutOf(head)
	return ok
}

// ReadOSCuratedCSV reads one of the OpenSanctions curated CSVs, recognised
// by its header.
func ReadOSCuratedCSV(ctx context.Context, path string) (*List, error) {
	head, err := peekHead(path, 4096)
	if err != nil {
		return nil, err
	}
	cl, ok := curatedLayoutOf(bytes.TrimPrefix(head, []byte("\xef\xbb\xbf")))
	if !ok {
		var names []string
		for _, c := range curatedLayouts {
			names = append(names, c.listID)
		}
		return nil, fmt.Errorf("%s: line 1: not a curated list CSV: the header is none of %s", path, strings.Join(names, ", "))
	}
	return readWith(ctx, path, func(ctx context.Context, r io.Reader, path string) (*List, error) {
		return readOSCuratedCSV(ctx, r, path, cl)
	}, ".csv")
}

func readOSCuratedCSV(ctx context.Context, r io.Reader, path string, cl curatedLayout) (*List, error) {
	// The header must be the layout's exactly, so it is checked here
	// rather than by newCSVTable (whose trimming of names is moot then).
	cr := newCSVReader(r, 0)
	header, err := cr.Read()
	if err != nil {
		return nil, fmt.Errorf("%s: reading header: %w", path, err)
	}
	if strings.Join(header, ",") != cl.header {
		return nil, fmt.Errorf("%s: line 1: header %q, want %q", path, truncate(strings.Join(header, ","), 100), cl.header)
	}
	t := csvTableOf(cr, path, header)
	get := t.get
	l := &List{ID: cl.listID, Format: "os-curated-csv", Files: []string{path}}
	probs := problems{file: path}
	seen := map[string]int{}
	for {
		rec, line, err := t.next(ctx, &probs)
		if errors.Is(err, io.EOF) {
			break
		}
		if err != nil {
			return nil, err
		}
		name := clean(get(rec, cl.name))
		if name == "" {
			probs.addf(int64(line), "column %s: empty", cl.name)
			continue
		}
		if end := get(rec, cl.ended); end != "" {
			probs.addf(int64(line), "delisted on %s (column %s): not screened", end, cl.ended)
			continue
		}
		id := get(rec, cl.id)
		if id == "" {
			sum := sha256.Sum256([]byte(name))
			id = hex.EncodeToString(sum[:5])
		}
		if seen[id]++; seen[id] > 1 {
			id += "-" + strconv.Itoa(seen[id])
		}
		e := &Entry{List: l.ID, ID: id, Type: cl.deftyp, Source: path}
		if cl.typ != "" {
			t, ok := ftmPartySchemas[get(rec, cl.typ)]
			if !ok {
				t = parseEntryType(get(rec, cl.typ))
			}
			e.Type = t
		}
		e.addName(name, NamePrimary, scriptOf(name))
		for _, nc := range cl.names {
			for _, v := range splitList(get(rec, nc.col)) {
				e.addName(v, nc.kind, scriptOf(v))
			}
		}
		for _, c := range splitList(get(rec, cl.country)) {
			e.addCountry(c)
		}
		if a := get(rec, cl.address); a != "" {
			e.addAddress(Address{Full: a})
		}
		if p := firstNonEmpty(get(rec, cl.program), cl.fixed); p != "" {
			e.Programs = []string{p}
		}
		d := get(rec, cl.listed)
		e.ListedOn = firstNonEmpty(isoDate(d, false), d)
		var rem []string
		for _, c := range cl.remarks {
			rem = append(rem, get(rec, c))
		}
		e.Remarks = joinNonEmpty("; ", rem...)
		l.Entries = append(l.Entries, e)
	}
	l.Problems = probs.list
	if len(l.Entries) == 0 && len(l.Problems) > 0 {
		return nil, notFormat(path, cl.summary+" CSV", l.Problems)
	}
	return l, nil
}
