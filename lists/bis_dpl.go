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

// The BIS Denied Persons List (bis.doc.gov dpl.txt) is tab-delimited text
// with quoted fields and a header: Name, Street_Address, City, State,
// Country, Postal_Code, Effective_Date, Expiration_Date, Standard_Order,
// Last_Update, Action, FR_Citation. One row per party and address: a
// denial order naming a party at two addresses gives two rows.
//
// The file carries no identifier, so each row's id is a short hash of its
// name, address and effective date ("dpl-3f9a0c1e"): stable across
// re-publication as long as those do not change.

var dplHeader = []string{"Name", "Street_Address", "City", "State", "Country", "Postal_Code",
	"Effective_Date", "Expiration_Date", "Standard_Order", "Last_Update", "Action", "FR_Citation"}

func detectBISDPL(base string, head []byte) bool {
	return bytes.HasPrefix(head, []byte(`"Name"`+"\t"+`"Street_Address"`)) || bytes.HasPrefix(head, []byte("Name\tStreet_Address"))
}

// ReadBISDPL reads the BIS Denied Persons List.
func ReadBISDPL(ctx context.Context, path string) (*List, error) {
	return readWith(ctx, path, readBISDPL, ".txt")
}

func readBISDPL(ctx context.Context, r io.Reader, path string) (*List, error) {
	cr := newCSVReader(r, '\t')
	header, err := cr.Read()
	if err != nil {
		return nil, fmt.Errorf("%s: not a BIS Denied Persons List: reading header: %w", path, err)
	}
	if len(header) < len(dplHeader) || strings.TrimSpace(header[0]) != "Name" || strings.TrimSpace(header[6]) != "Effective_Date" {
		return nil, fmt.Errorf("%s: line 1: not a BIS Denied Persons List: header %q, want %s", path, truncate(strings.Join(header, "\t"), 80), strings.Join(dplHeader, "\t"))
	}
	// The header is checked by position above; columns are read by index.
	t := csvTableOf(cr, path, header)
	t.widthf = "want %d tab-separated fields, got %d"
	l := &List{ID: "us_bis_dpl", Format: "bis-dpl", Files: []string{path}}
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
		f := func(i int) string { return clean(rec[i]) }
		name := f(0)
		if name == "" {
			probs.addf(int64(line), "column Name: empty")
			continue
		}
		sum := sha256.Sum256([]byte(strings.Join([]string{name, f(1), f(2), f(4), f(6)}, "|")))
		id := "dpl-" + hex.EncodeToString(sum[:4])
		if seen[id]++; seen[id] > 1 {
			id += "-" + strconv.Itoa(seen[id])
		}
		e := &Entry{List: l.ID, ID: id, Type: TypeUnknown, Source: path, Programs: []string{"DPL"}}
		e.addName(name, NamePrimary, "")
		e.addAddress(Address{Street: f(1), City: f(2), Region: f(3), PostalCode: f(5), CountryRaw: f(4)})
		e.ListedOn = firstNonEmpty(isoDate(f(6), true), f(6))
		e.Remarks = joinNonEmpty("; ", f(10), f(11), prefixed("expires ", f(7)))
		l.Entries = append(l.Entries, e)
	}
	l.Problems = probs.list
	if len(l.Entries) == 0 && len(l.Problems) > 0 {
		return nil, notFormat(path, "BIS Denied Persons List", l.Problems)
	}
	return l, nil
}

func prefixed(p, s string) string {
	if s == "" {
		return ""
	}
	return p + s
}
