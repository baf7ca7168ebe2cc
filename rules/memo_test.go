package rules

import (
	"reflect"
	"testing"
	"unsafe"

	"github.com/dualscreen/dualscreen/evidence"
)

// memoShipments cover every memoised group: invalid and Annex I codes,
// unknown and blank countries, a missing consignee, an end user elsewhere,
// a ban, an EU-internal Annex IV transfer and a cyber description.
func memoShipments() []evidence.Shipment {
	return []evidence.Shipment{
		{ShipmentID: "1", ConsigneeName: "Acme", ExporterCountry: "DE", Destination: "RU", ControlCode: "5A002.a", Goods: "network encryption appliances"},
		{ShipmentID: "2", ConsigneeName: "Acme", ExporterCountry: "DE", Destination: "CN", EndUserCountry: "IR", ConsigneeCountry: "CN", ControlCode: "5A001.j", Goods: "IP network surveillance system"},
		{ShipmentID: "3", ConsigneeName: " ", ExporterCountry: "FR", Destination: "Narnia", ControlCode: "5Q999, 3A225", Goods: "frequency changers"},
		{ShipmentID: "4", ConsigneeName: "Beta", ExporterCountry: "DE", Destination: "FR", ControlCode: "1C012", Goods: "plutonium metal"},
		{ShipmentID: "5", ConsigneeName: "Gamma", ExporterCountry: "US", Destination: "", EndUserCountry: "BY", ControlCode: "", Goods: ""},
		{ShipmentID: "6", ConsigneeName: "Delta", ExporterCountry: "DE", Destination: "AE", EndUserCountry: "MM", ConsigneeCountry: "AE", ControlCode: "ML10.a", Goods: "office furniture"},
		{ShipmentID: "7", ConsigneeName: "Acme", ExporterCountry: "DE", Destination: "United States", EndUserCountry: "Germany", ControlCode: "Y901", Goods: "ball bearings"},
		// Row 2's countries and code with other goods: for a
		// human-rights-risk destination the goods decide (goodsHits).
		{ShipmentID: "2b", ConsigneeName: "Acme", ExporterCountry: "DE", Destination: "CN", EndUserCountry: "IR", ConsigneeCountry: "CN", ControlCode: "5A001.j", Goods: "office chairs"},
		{ShipmentID: "2c", ConsigneeName: "Acme", ExporterCountry: "DE", Destination: "CN", EndUserCountry: "IR", ConsigneeCountry: "CN", ControlCode: "", Goods: "IP network surveillance system"},
		// A 0 byte in a cell would make the packed place key ambiguous:
		// such a row is resolved without the memo.
		{ShipmentID: "8", ConsigneeName: "Acme", ExporterCountry: "DE", Destination: "IR\x00", EndUserCountry: "\x00CN", ControlCode: "5A002", Goods: "routers"},
	}
}

// TestCheckMemoMatchesFresh: a memoised engine answers every row of a
// repeated batch exactly as a fresh engine answers each row the first time.
func TestCheckMemoMatchesFresh(t *testing.T) {
	memoised := mustEngine(t, nil)
	ships := memoShipments()
	for round := range 3 {
		for i := range ships {
			fresh := mustEngine(t, nil)
			want := fresh.Check(&ships[i], nil)
			got := memoised.Check(&ships[i], nil)
			if !reflect.DeepEqual(got, want) {
				t.Fatalf("round %d row %s: memoised hits differ\n got %+v\nwant %+v", round, ships[i].ShipmentID, got, want)
			}
		}
	}
	if n, codes := memoised.placeMemo.len(), memoised.codePlace.len(); n+codes != len(ships)-3 || codes == 0 || n == 0 {
		t.Errorf("place memos hold %d + %d (two-letter codes) combinations, want %d in all (all but the row with a 0 byte and rows 2b and 2c, which share row 2's), some in each", n, codes, len(ships)-3)
	}
	if n := memoised.goodsHits.len(); n < 3 {
		t.Errorf("goods-hits memo holds %d results, want one for each of rows 2, 2b and 2c at least", n)
	}
}

// TestCheckMemoOwnsItsStrings: the pipeline hands Check strings that point
// into Arrow buffers, which are reused once the batch is released. Nothing
// the memos keep (keys, places, hits) may point into such a buffer.
func TestCheckMemoOwnsItsStrings(t *testing.T) {
	e := mustEngine(t, nil)
	buf := []byte("IR|5Q999|CN|DE|laboratory centrifuges")
	view := func(from, to int) string { return unsafe.String(&buf[from], to-from) }
	s := evidence.Shipment{ShipmentID: "1", ConsigneeName: "Acme", Destination: view(0, 2), ControlCode: view(3, 8),
		EndUserCountry: view(9, 11), ExporterCountry: view(12, 14), Goods: view(15, len(buf))}
	if hs := e.Check(&s, nil); len(hs) == 0 {
		t.Fatal("no hits for a shipment to Iran with an invalid code")
	}
	inBuf := func(what, x string) {
		if len(x) == 0 {
			return
		}
		p := uintptr(unsafe.Pointer(unsafe.StringData(x)))
		lo := uintptr(unsafe.Pointer(&buf[0]))
		if p >= lo && p < lo+uintptr(len(buf)) {
			t.Errorf("memoised %s %q points into the caller's buffer", what, x)
		}
	}
	hitStrings := func(hs []evidence.Hit) {
		for _, h := range hs {
			inBuf("hit query", h.QueryName)
			inBuf("hit matched name", h.MatchedName)
			inBuf("hit explanation", h.Explanation)
		}
	}
	places := map[string]*placeInfo{}
	for k, pi := range e.placeMemo.m {
		places[string(k)] = pi
	}
	for _, pi := range e.codePlace.m {
		places[""] = pi
	}
	for k, pi := range places {
		inBuf("place key", k)
		for _, pl := range pi.places {
			inBuf("place", pl.raw)
		}
		hitStrings(pi.pre)
		if pi.mismatch != nil {
			hitStrings([]evidence.Hit{*pi.mismatch})
		}
	}
	for k, ci := range e.codeMemo.m {
		inBuf("control code key", k)
		hitStrings(ci.invalid)
	}
	for k := range e.goodsMemo.m {
		inBuf("goods key", k)
	}
	for k, hs := range e.goodsHits.m {
		inBuf("goods hits key", k.goods)
		hitStrings(hs)
	}
	if e.goodsHits.len() != 1 {
		t.Errorf("goods-hits memo holds %d results, want 1 (Iran is a human-rights-risk destination)", e.goodsHits.len())
	}
	if e.placeMemo.len()+e.codePlace.len() != 1 || e.codeMemo.len() != 1 || e.goodsMemo.len() != 1 {
		t.Fatalf("memos hold %d+%d places, %d codes, %d goods; want 1 each", e.placeMemo.len(), e.codePlace.len(), e.codeMemo.len(), e.goodsMemo.len())
	}
}

// TestMemoBounded: a full memo empties and refills, so it never holds more
// than its bound however many distinct keys pass through.
func TestMemoBounded(t *testing.T) {
	m := newMemo[int, int](8)
	calls := 0
	for i := range 100 {
		v := m.get(i%20, func() (int, int) { calls++; return i % 20, (i % 20) * 2 })
		if v != (i%20)*2 {
			t.Fatalf("get(%d) = %d", i%20, v)
		}
		if m.len() > 8 {
			t.Fatalf("memo holds %d values, bound 8", m.len())
		}
	}
	if calls < 20 {
		t.Fatalf("computed %d times for 20 distinct keys", calls)
	}
	m2 := newMemo[int, int](8)
	for range 5 {
		m2.get(3, func() (int, int) { calls++; return 3, 6 })
	}
	if m2.len() != 1 {
		t.Fatalf("one key stored %d times", m2.len())
	}
}

// TestCheckKeptHitsOwnTheirStrings: the hits kept per country combination
// and control-code cell (placeInfo.byCode) are built from the memo's copy
// of the cell, never from the row's view of an Arrow buffer, and a later
// row with the same cells gets the same hits.
func TestCheckKeptHitsOwnTheirStrings(t *testing.T) {
	e := mustEngine(t, nil)
	buf := []byte("BR|3A225|DE")
	view := func(from, to int) string { return unsafe.String(&buf[from], to-from) }
	s := evidence.Shipment{ShipmentID: "1", ConsigneeName: "Acme", Destination: view(0, 2), ControlCode: view(3, 8), ExporterCountry: view(9, 11), Goods: "frequency changers"}
	first := e.Check(&s, nil)
	if len(first) == 0 {
		t.Fatal("no hits for an Annex I item to Brazil")
	}
	lo := uintptr(unsafe.Pointer(&buf[0]))
	kept := 0
	for _, pi := range e.codePlace.m {
		if pi.goodsMatter {
			t.Fatalf("Brazil taken for a human-rights-risk destination: this test needs another")
		}
		l := pi.byCode.Load()
		if l == nil {
			continue
		}
		for _, ch := range *l {
			for _, h := range ch.hits {
				kept++
				for _, x := range []string{h.QueryName, h.MatchedName, h.Explanation, h.EntryName} {
					if p := uintptr(unsafe.Pointer(unsafe.StringData(x))); len(x) > 0 && p >= lo && p < lo+uintptr(len(buf)) {
						t.Errorf("kept hit %s: %q points into the caller's buffer", h.Reason, x)
					}
				}
			}
		}
	}
	if kept != len(first) {
		t.Fatalf("%d hits kept, want the row's %d", kept, len(first))
	}
	copy(buf, "XX|XXXXX|XX")
	again := evidence.Shipment{ShipmentID: "2", ConsigneeName: "Beta", Destination: "BR", ControlCode: "3A225", ExporterCountry: "DE", Goods: "other goods"}
	if got := e.Check(&again, nil); !reflect.DeepEqual(got, first) {
		t.Errorf("same cells, different hits:\n got %+v\nwant %+v", got, first)
	}
}

// TestPackPlaces: rows whose country cells are empty or two ASCII bytes
// get a packed key that tells every such combination apart; other rows
// get none and use the string key.
func TestPackPlaces(t *testing.T) {
	rows := []evidence.Shipment{
		{ConsigneeName: "A", Destination: "RU"},
		{ConsigneeName: "A", EndUserCountry: "RU"},
		{ConsigneeName: "A", ConsigneeCountry: "RU"},
		{ConsigneeName: "A", ExporterCountry: "RU"},
		{ConsigneeName: " ", Destination: "RU"},
		{ConsigneeName: "A", Destination: "ru"},
		{ConsigneeName: "A", Destination: "RU", EndUserCountry: "CN", ConsigneeCountry: "AE", ExporterCountry: "DE"},
		{ConsigneeName: "A", Destination: "CN", EndUserCountry: "RU", ConsigneeCountry: "AE", ExporterCountry: "DE"},
		{ConsigneeName: "A"},
	}
	seen := map[uint64]int{}
	for i := range rows {
		k, ok := packPlaces(&rows[i])
		if !ok {
			t.Fatalf("row %d not packed", i)
		}
		if j, dup := seen[k]; dup {
			t.Errorf("rows %d and %d share the packed key %x", j, i, k)
		}
		seen[k] = i
	}
	for _, s := range []evidence.Shipment{{Destination: "USA"}, {Destination: "R"}, {EndUserCountry: "Ü"}, {ExporterCountry: "R\x00"}} {
		if _, ok := packPlaces(&s); ok {
			t.Errorf("%+v packed; want the string key", s)
		}
	}
}
