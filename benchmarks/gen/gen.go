// Package gen writes benchmark batches: millions of shipments in the
// canonical Parquet layout of contract.md whose consignees repeat the way
// real ones do (a few percent distinct names), with real list names planted
// as spelling variants and innocent names from many countries and scripts.
// Every distinct party name comes with its truth (planted from which list
// entry and how, or innocent), so each tool's recall and false positives can
// be counted on the same file.
package gen

import (
	"context"
	"fmt"
	"io"
	"math"
	"math/rand/v2"
	"sort"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/apache/arrow/go/v17/arrow"
	"github.com/apache/arrow/go/v17/arrow/array"
	"github.com/apache/arrow/go/v17/arrow/memory"
	"github.com/apache/arrow/go/v17/parquet"
	"github.com/apache/arrow/go/v17/parquet/compress"
	"github.com/apache/arrow/go/v17/parquet/pqarrow"

	"github.com/dualscreen/dualscreen/lists"
	"github.com/dualscreen/dualscreen/matchers"
)

// Options configure Generate.
type Options struct {
	// Rows is the number of shipments. Required.
	Rows int
	// DistinctFrac is the size of the party-name pool as a fraction of Rows.
	// Default 0.02: 20,000 distinct names in a million rows, the repetition
	// of a large exporter's book of regular customers.
	DistinctFrac float64
	// Planted is how many of the pool's names are variants of list names.
	// Default 1% of the pool, at least 200 (at most a tenth of a small pool):
	// enough planted names to count recall per variant kind.
	Planted int
	// EndUserFrac is the share of rows that name an end user (drawn from the
	// same pool). Default 0.3.
	EndUserFrac float64
	// EndUserLocal is the share of named end users drawn among the pool's
	// names in the destination country (when it has any); the others are
	// drawn from the whole pool, so their country is nearly always another
	// one and the row draws END_USER_COUNTRY_MISMATCH. Default 0: every end
	// user from the whole pool, as in every batch measured before
	// 2026-11-24 (27% of rows flagged for the mismatch alone). A real
	// end user is normally in the country the goods go to; 0.9 is the
	// benchmarks README's "local end users" batch.
	EndUserLocal float64
	// Seed selects the batch. Default 821.
	Seed uint64
	// Entries are the list entries names are planted from. Required.
	Entries []*lists.Entry
	// SEC are real company names (LoadSECNames) mixed into the innocents.
	// Optional.
	SEC []string
	// RowGroup is the Parquet row-group length. Default 262,144 rows, so
	// readers that parallelise by row group (DuckDB) get several.
	RowGroup int
}

// Name is one distinct party name of a batch and its truth.
type Name struct {
	Name    string
	Country string
	Planted bool
	Variant string // Var* kind; "" for innocents
	List    string // list id of the planted entry
	EntryID string
	Source  string // the list name the variant was made from
}

// Stats say what Generate wrote.
type Stats struct {
	Rows, Distinct, Planted, Innocent int
	// ExcludedInnocents are drawn innocent names dropped because their
	// normalised form equals a list name (a real filer that is listed).
	ExcludedInnocents int
}

// Schema is the batch's Parquet schema: the canonical columns.
var Schema = arrow.NewSchema([]arrow.Field{
	{Name: "shipment_id", Type: arrow.BinaryTypes.String},
	{Name: "declaration_date", Type: arrow.BinaryTypes.String},
	{Name: "exporter_name", Type: arrow.BinaryTypes.String},
	{Name: "exporter_country", Type: arrow.BinaryTypes.String},
	{Name: "consignee_name", Type: arrow.BinaryTypes.String, Nullable: true},
	{Name: "consignee_country", Type: arrow.BinaryTypes.String, Nullable: true},
	{Name: "end_user_name", Type: arrow.BinaryTypes.String, Nullable: true},
	{Name: "end_user_country", Type: arrow.BinaryTypes.String, Nullable: true},
	{Name: "destination_country", Type: arrow.BinaryTypes.String},
	{Name: "goods_description", Type: arrow.BinaryTypes.String},
	{Name: "cn_code", Type: arrow.BinaryTypes.String},
	{Name: "control_code", Type: arrow.BinaryTypes.String, Nullable: true},
	{Name: "value_eur", Type: arrow.PrimitiveTypes.Float64, Nullable: true},
}, nil)

func (o Options) withDefaults() Options {
	if o.DistinctFrac <= 0 {
		o.DistinctFrac = 0.02
	}
	if o.EndUserFrac <= 0 {
		o.EndUserFrac = 0.3
	}
	if o.Seed == 0 {
		o.Seed = 821
	}
	if o.RowGroup <= 0 {
		o.RowGroup = 1 << 18
	}
	pool := max(int(float64(o.Rows)*o.DistinctFrac), 50)
	if o.Planted <= 0 {
		o.Planted = max(pool/100, min(200, pool/10))
	}
	return o
}

// Pool draws the batch's distinct names: o.Planted variants of list names,
// the rest innocents. The same options give the same pool.
func Pool(o Options) ([]Name, Stats, error) {
	o = o.withDefaults()
	if len(o.Entries) == 0 {
		return nil, Stats{}, fmt.Errorf("gen: no list entries to plant from")
	}
	r := rand.New(rand.NewPCG(o.Seed, o.Seed^0x2021821))
	size := max(int(float64(o.Rows)*o.DistinctFrac), 50)
	listKeys := make(map[string]bool, 4*len(o.Entries))
	for _, e := range o.Entries {
		for _, n := range e.Names {
			listKeys[matchers.SortedKey(n.Value)] = true
		}
	}
	seen := make(map[string]bool, size)
	var st Stats
	pool := make([]Name, 0, size)

	sources := plantable(o.Entries)
	for tries := 0; len(pool) < min(o.Planted, size) && tries < 50*o.Planted; tries++ {
		e := sources[r.IntN(len(sources))]
		var cands []int
		for i, n := range e.Names {
			if n.Kind != lists.NameWeak && utf8.RuneCountInString(n.Value) >= 6 {
				cands = append(cands, i)
			}
		}
		if len(cands) == 0 {
			continue
		}
		src := e.Names[cands[r.IntN(len(cands))]].Value
		kind := VariantKinds[r.IntN(len(VariantKinds))]
		v, ok := Variant(r, kind, src)
		if !ok || seen[v] {
			continue
		}
		seen[v] = true
		country := ""
		if len(e.Countries) > 0 {
			country = e.Countries[0]
		}
		pool = append(pool, Name{Name: v, Country: country, Planted: true, Variant: kind, List: e.List, EntryID: e.ID, Source: src})
	}
	st.Planted = len(pool)

	var total float64
	for _, l := range locales {
		total += l.weight
	}
	for tries := 0; len(pool) < size && tries < 50*size; tries++ {
		var name, country string
		if len(o.SEC) > 0 && r.IntN(10) == 0 { // a tenth real SEC filers
			name, country = o.SEC[r.IntN(len(o.SEC))], "US"
		} else {
			x := r.Float64() * total
			l := locales[len(locales)-1]
			for _, c := range locales {
				if x < c.weight {
					l = c
					break
				}
				x -= c.weight
			}
			name, country = localeName(r, l), l.iso
		}
		if seen[name] {
			continue
		}
		seen[name] = true
		if listKeys[matchers.SortedKey(name)] {
			st.ExcludedInnocents++
			continue
		}
		pool = append(pool, Name{Name: name, Country: country})
	}
	if len(pool) < size {
		return nil, st, fmt.Errorf("gen: could only draw %d distinct names of %d; lower DistinctFrac", len(pool), size)
	}
	st.Distinct = len(pool)
	st.Innocent = st.Distinct - st.Planted
	return pool, st, nil
}

// plantable are the entries a consignee could plausibly be: organisations
// and persons (vessels and aircraft are not consignees), in list order.
func plantable(entries []*lists.Entry) []*lists.Entry {
	var out []*lists.Entry
	for _, e := range entries {
		if e.Type == lists.TypeOrganisation || e.Type == lists.TypePerson || e.Type == lists.TypeUnknown {
			out = append(out, e)
		}
	}
	sort.SliceStable(out, func(i, j int) bool {
		if out[i].List != out[j].List {
			return out[i].List < out[j].List
		}
		return out[i].ID < out[j].ID
	})
	return out
}

// good is one line of goods. Weight is its share of shipments: listed
// dual-use items (with a control code) make up about 3% of an industrial
// exporter's lines, as in the UK licence data, not a third.
type good struct {
	desc, cn, control string
	weight            float64
}

var goods = []good{
	{"ball bearings, steel", "84821010", "", 0.097},
	{"hydraulic pumps", "84136031", "", 0.097},
	{"printed circuit assemblies", "85340011", "", 0.097},
	{"laboratory centrifuges", "84211920", "", 0.097},
	{"industrial valves, stainless", "84818081", "", 0.097},
	{"frequency changers (inverters) for gas centrifuges", "85044084", "3A225", 0.006},
	{"5-axis machine tools, numerical control", "84581120", "2B001.b", 0.006},
	{"network encryption appliances", "85176200", "5A002.a", 0.006},
	{"thermal imaging cameras", "90138000", "6A003.b.4", 0.006},
	{"plastic injection moulds", "84807100", "", 0.097},
	{"office furniture", "94033011", "", 0.097},
	{"spare parts for packaging machines", "84229090", "", 0.097},
	{"optical fibre cable", "85447000", "", 0.097},
	{"pressure transducers", "90262040", "2B230", 0.006},
	{"surveillance software licences", "85234945", "", 0.097},
}

// pickGood returns the good whose cumulative weight range holds x in [0,1).
func pickGood(x float64) good {
	for _, g := range goods {
		if x < g.weight {
			return g
		}
		x -= g.weight
	}
	return goods[len(goods)-1]
}

var exporterNames = []string{
	"Harrington Precision Instruments GmbH", "Müller Antriebstechnik GmbH", "Rossi Meccanica S.p.A.", "Dubois Électronique SAS",
	"Nowak Automatyka Sp. z o.o.", "de Vries Machinebouw B.V.", "Andersson Hydraulik AB", "Novák Strojírny s.r.o.",
	"García Instrumentación S.L.", "Lefèvre Optique SA", "Schneider Sensorik AG", "Bianchi Elettronica S.r.l.",
}

// Generate writes a batch of o.Rows shipments over the names of pool to w
// as Parquet (snappy). Each party name is drawn half the time uniformly
// from the pool (so nearly every name occurs) and half the time from a
// Zipf law over the innocents (so a few regular customers dominate, as in
// real books). Planted names thus occur about as often as a median
// consignee.
func Generate(ctx context.Context, w io.Writer, o Options, pool []Name) error {
	o = o.withDefaults()
	r := rand.New(rand.NewPCG(o.Seed+1, o.Seed^0xd00a1))
	nInnocent := 0
	for _, n := range pool {
		if !n.Planted {
			nInnocent++
		}
	}
	innocents := make([]int, 0, nInnocent)
	for i, n := range pool {
		if !n.Planted {
			innocents = append(innocents, i)
		}
	}
	if len(innocents) == 0 {
		return fmt.Errorf("gen: the pool has no innocent names")
	}
	r.Shuffle(len(innocents), func(i, j int) { innocents[i], innocents[j] = innocents[j], innocents[i] })
	zipf := rand.NewZipf(r, 1.1, 4, uint64(len(innocents)-1))
	draw := func() *Name {
		if r.IntN(2) == 0 {
			return &pool[r.IntN(len(pool))]
		}
		return &pool[innocents[zipf.Uint64()]]
	}
	embargoed := []string{"RU", "BY", "IR", "KP", "SY"}
	var byCountry map[string][]int // pool names by country, for local end users
	if o.EndUserLocal > 0 {
		byCountry = map[string][]int{}
		for i, n := range pool {
			if n.Country != "" {
				byCountry[n.Country] = append(byCountry[n.Country], i)
			}
		}
	}

	mem := memory.NewGoAllocator()
	props := parquet.NewWriterProperties(
		parquet.WithCompression(compress.Codecs.Snappy),
		parquet.WithMaxRowGroupLength(int64(o.RowGroup)),
		parquet.WithAllocator(mem),
		parquet.WithCreatedBy("dualscreen benchmarks/gen"),
	)
	fw, err := pqarrow.NewFileWriter(Schema, struct{ io.Writer }{w}, props, pqarrow.NewArrowWriterProperties(pqarrow.WithStoreSchema(), pqarrow.WithAllocator(mem)))
	if err != nil {
		return err
	}
	rb := array.NewRecordBuilder(mem, Schema)
	defer rb.Release()
	str := func(i int) *array.StringBuilder { return rb.Field(i).(*array.StringBuilder) }
	value := rb.Field(12).(*array.Float64Builder)
	opt := func(b *array.StringBuilder, v string) {
		if v == "" {
			b.AppendNull()
		} else {
			b.Append(v)
		}
	}
	flush := func() error {
		rec := rb.NewRecord()
		defer rec.Release()
		return fw.WriteBuffered(rec)
	}
	start := time.Date(2025, 1, 1, 0, 0, 0, 0, time.UTC)
	var id strings.Builder
	for i := range o.Rows {
		if i > 0 && i%65536 == 0 {
			if err := ctx.Err(); err != nil {
				fw.Close()
				return err
			}
			if err := flush(); err != nil {
				fw.Close()
				return err
			}
		}
		c := draw()
		var eu *Name
		wantEU := r.Float64() < o.EndUserFrac
		if wantEU && o.EndUserLocal <= 0 {
			eu = draw() // the draw order of the batches measured before EndUserLocal
		}
		dest := c.Country
		if x := r.Float64(); x < 0.004 {
			dest = embargoed[r.IntN(len(embargoed))]
		} else if dest == "" {
			dest = "AE"
		}
		if wantEU && o.EndUserLocal > 0 {
			if local := byCountry[dest]; len(local) > 0 && r.Float64() < o.EndUserLocal {
				eu = &pool[local[r.IntN(len(local))]]
			} else {
				eu = draw()
			}
		}
		g := pickGood(r.Float64())
		ex := r.IntN(len(exporterNames))
		id.Reset()
		fmt.Fprintf(&id, "B%010d", i+1)
		str(0).Append(id.String())
		str(1).Append(start.AddDate(0, 0, r.IntN(365)).Format("2006-01-02"))
		str(2).Append(exporterNames[ex])
		str(3).Append([]string{"DE", "DE", "IT", "FR", "PL", "NL", "SE", "CZ", "ES", "FR", "DE", "IT"}[ex])
		str(4).Append(c.Name)
		opt(str(5), c.Country)
		if eu != nil {
			str(6).Append(eu.Name)
			opt(str(7), eu.Country)
		} else {
			str(6).AppendNull()
			str(7).AppendNull()
		}
		str(8).Append(dest)
		str(9).Append(g.desc)
		str(10).Append(g.cn)
		opt(str(11), g.control)
		if r.IntN(200) == 0 {
			value.AppendNull()
		} else {
			value.Append(math.Round(math.Exp(r.NormFloat64()*1.4+9.2)*100) / 100)
		}
	}
	if err := flush(); err != nil {
		fw.Close()
		return err
	}
	return fw.Close()
}
