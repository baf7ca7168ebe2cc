package demo

import (
	"bytes"
	"context"
	"encoding/csv"
	"fmt"
	"io"
	"math"
	"math/rand/v2"
	"sort"
	"strings"
	"time"
	"unicode"

	"github.com/apache/arrow/go/v17/arrow"
	"github.com/apache/arrow/go/v17/arrow/array"
	"github.com/apache/arrow/go/v17/arrow/memory"
	"github.com/apache/arrow/go/v17/parquet"
	"github.com/apache/arrow/go/v17/parquet/compress"
	"github.com/apache/arrow/go/v17/parquet/pqarrow"
)

// DefaultSeed makes every demo batch the same. (2021821: Regulation (EU)
// 2021/821.)
const DefaultSeed = 2021821

// Options configure Write.
type Options struct {
	// Rows is the number of shipments. Default 200,000.
	Rows int
	// Seed selects the batch. Default DefaultSeed.
	Seed uint64
	// Planted is the expected number of rows whose consignee or end user is
	// a spelling variant of a demo-list name. Default Rows/700 (about 285
	// for the default size); 0 uses the default, a negative value plants none.
	Planted int
	// Consignees is the size of the consignee pool. Default Rows/20, at
	// most 20,000, at least 50.
	Consignees int
	// Mem allocates Arrow memory. Default memory.DefaultAllocator.
	Mem memory.Allocator
}

// Stats says what Write generated.
type Stats struct {
	Rows       int
	Planted    int // rows carrying a planted variant
	Consignees int // distinct consignees in the pool
}

// Schema is the generated file's schema: the canonical columns of
// contract.md. destination_country is dictionary-encoded in Arrow (and
// stored so), so the demo also exercises dictionary strings.
var Schema = arrow.NewSchema([]arrow.Field{
	{Name: "shipment_id", Type: arrow.BinaryTypes.String},
	{Name: "declaration_date", Type: arrow.BinaryTypes.String},
	{Name: "exporter_name", Type: arrow.BinaryTypes.String},
	{Name: "exporter_country", Type: arrow.BinaryTypes.String},
	{Name: "consignee_name", Type: arrow.BinaryTypes.String, Nullable: true},
	{Name: "consignee_country", Type: arrow.BinaryTypes.String, Nullable: true},
	{Name: "end_user_name", Type: arrow.BinaryTypes.String, Nullable: true},
	{Name: "end_user_country", Type: arrow.BinaryTypes.String, Nullable: true},
	{Name: "destination_country", Type: &arrow.DictionaryType{IndexType: arrow.PrimitiveTypes.Int16, ValueType: arrow.BinaryTypes.String}},
	{Name: "goods_description", Type: arrow.BinaryTypes.String},
	{Name: "cn_code", Type: arrow.BinaryTypes.String},
	{Name: "control_code", Type: arrow.BinaryTypes.String, Nullable: true},
	{Name: "value_eur", Type: arrow.PrimitiveTypes.Float64, Nullable: true},
}, nil)

type party struct{ name, country string }

// Write generates the demo batch as Parquet (snappy) to w.
func Write(ctx context.Context, w io.Writer, opts Options) (Stats, error) {
	if opts.Rows <= 0 {
		opts.Rows = 200_000
	}
	if opts.Seed == 0 {
		opts.Seed = DefaultSeed
	}
	if opts.Planted == 0 {
		opts.Planted = opts.Rows / 700
	}
	if opts.Consignees <= 0 {
		opts.Consignees = min(max(opts.Rows/20, 50), 20_000)
	}
	if opts.Mem == nil {
		opts.Mem = memory.DefaultAllocator
	}
	r := rand.New(rand.NewPCG(opts.Seed, opts.Seed^0x9e3779b97f4a7c15))
	listNames, err := listNames()
	if err != nil {
		return Stats{}, err
	}
	pool := consigneePool(r, opts.Consignees)
	byCountry := map[string][]party{}
	for _, p := range pool {
		byCountry[p.country] = append(byCountry[p.country], p)
	}
	zipf := rand.NewZipf(r, 1.15, 2, uint64(len(pool)-1))
	var totalGoods float64
	for _, g := range goods {
		totalGoods += g.weight
	}
	embargoed := []string{"RU", "BY", "IR", "KP"}

	props := parquet.NewWriterProperties(
		parquet.WithCompression(compress.Codecs.Snappy),
		// Dictionary-encode only the repetitive columns, with a page limit
		// they never outgrow: a dictionary that falls back to PLAIN makes
		// arrow write its encoding stats in map order, so the file's bytes
		// would change from run to run.
		parquet.WithDictionaryDefault(false),
		parquet.WithDictionaryPageSizeLimit(8<<20),
		parquet.WithDictionaryFor("exporter_name", true),
		parquet.WithDictionaryFor("exporter_country", true),
		parquet.WithDictionaryFor("consignee_name", true),
		parquet.WithDictionaryFor("consignee_country", true),
		parquet.WithDictionaryFor("end_user_name", true),
		parquet.WithDictionaryFor("end_user_country", true),
		parquet.WithDictionaryFor("destination_country", true),
		parquet.WithDictionaryFor("goods_description", true),
		parquet.WithDictionaryFor("cn_code", true),
		parquet.WithDictionaryFor("control_code", true),
		parquet.WithMaxRowGroupLength(128*1024),
		parquet.WithAllocator(opts.Mem),
		parquet.WithCreatedBy("dualscreen demo"),
	)
	// The Parquet writer closes a writer that has Close; w is the caller's.
	fw, err := pqarrow.NewFileWriter(Schema, struct{ io.Writer }{w}, props, pqarrow.NewArrowWriterProperties(pqarrow.WithStoreSchema(), pqarrow.WithAllocator(opts.Mem)))
	if err != nil {
		return Stats{}, err
	}
	rb := array.NewRecordBuilder(opts.Mem, Schema)
	defer rb.Release()
	str := func(i int) *array.StringBuilder { return rb.Field(i).(*array.StringBuilder) }
	dest := rb.Field(8).(*array.BinaryDictionaryBuilder)
	// Fix the destination dictionary up front: a dictionary that grows
	// between batches makes the Parquet writer fall back to PLAIN, and
	// arrow then writes page-encoding stats in map order (bytes would vary).
	dict := destinationDictionary(opts.Mem, listNames)
	err = dest.InsertStringDictValues(dict)
	dict.Release()
	if err != nil {
		fw.Close()
		return Stats{}, err
	}
	value := rb.Field(12).(*array.Float64Builder)
	appendOpt := func(b *array.StringBuilder, v string) {
		if v == "" {
			b.AppendNull()
		} else {
			b.Append(v)
		}
	}
	start := time.Date(2025, 1, 1, 0, 0, 0, 0, time.UTC)
	st := Stats{Rows: opts.Rows, Consignees: len(pool)}
	plantP := float64(max(opts.Planted, 0)) / float64(opts.Rows)
	flush := func() error {
		rec := rb.NewRecord()
		defer rec.Release()
		return fw.WriteBuffered(rec)
	}
	for i := 0; i < opts.Rows; i++ {
		if i%16384 == 0 && i > 0 {
			if err := ctx.Err(); err != nil {
				fw.Close()
				return st, err
			}
			if err := flush(); err != nil {
				return st, err
			}
		}
		c := pool[zipf.Uint64()]
		var eu party
		if r.Float64() < 0.15 {
			// End users mostly sit in the consignee's country; a few are
			// elsewhere, which the rules read as a diversion risk.
			if same := byCountry[c.country]; len(same) > 0 && r.Float64() < 0.9 {
				eu = same[r.IntN(len(same))]
			} else {
				eu = pool[zipf.Uint64()]
			}
		}
		if r.Float64() < plantP {
			st.Planted++
			v := party{variant(r, pick(r, listNames.names)), ""}
			if r.IntN(4) == 0 {
				v.country = c.country
			} else {
				v.country = listNames.country[v.name]
			}
			if r.IntN(5) == 0 {
				eu = v
			} else {
				c = v
			}
		}
		destination := c.country
		switch x := r.Float64(); {
		case x < 0.003:
			destination = pick(r, embargoed)
		case x < 0.06:
			destination = pool[r.IntN(len(pool))].country
		}
		if destination == "" {
			destination = "DE"
		}
		gx := r.Float64() * totalGoods
		g := goods[len(goods)-1]
		for _, cand := range goods {
			if gx < cand.weight {
				g = cand
				break
			}
			gx -= cand.weight
		}
		ex := exporters[r.IntN(len(exporters))]

		str(0).Append(fmt.Sprintf("DS-2025-%07d", i+1))
		str(1).Append(start.AddDate(0, 0, r.IntN(365)).Format("2006-01-02"))
		str(2).Append(ex.name)
		str(3).Append(ex.country)
		appendOpt(str(4), c.name)
		appendOpt(str(5), c.country)
		appendOpt(str(6), eu.name)
		appendOpt(str(7), eu.country)
		if err := dest.AppendString(destination); err != nil {
			return st, err
		}
		str(9).Append(g.desc)
		str(10).Append(g.cn)
		appendOpt(str(11), g.control)
		if r.IntN(200) == 0 {
			value.AppendNull()
		} else {
			v := math.Exp(r.NormFloat64()*1.4 + 9.2)
			value.Append(math.Round(v*100) / 100)
		}
	}
	if err := flush(); err != nil {
		return st, err
	}
	return st, fw.Close()
}

// destinationDictionary is every destination the generator can write, once.
// Planted consignees take their list entry's country, so those count too.
func destinationDictionary(mem memory.Allocator, names demoNames) *array.String {
	b := array.NewStringBuilder(mem)
	defer b.Release()
	seen := map[string]bool{"": true}
	add := func(iso string) {
		if !seen[iso] {
			seen[iso] = true
			b.Append(iso)
		}
	}
	for _, c := range countries {
		add(c.iso)
	}
	for _, n := range names.names {
		add(names.country[n])
	}
	return b.NewStringArray()
}

// consigneePool draws about n distinct consignees, each country taking its
// weighted share. A country whose word parts give fewer distinct names than
// its share contributes what it has, rather than letting countries with more
// combinations fill the gap and skew the mix.
func consigneePool(r *rand.Rand, n int) []party {
	var total float64
	for _, c := range countries {
		total += c.weight
	}
	seen := make(map[string]bool, n)
	pool := make([]party, 0, n)
	for _, cn := range countries {
		quota := max(1, int(math.Round(float64(n)*cn.weight/total)))
		for got, tries := 0, 0; got < quota && tries < quota*20; tries++ {
			name := cn.make(r)
			if seen[name] {
				continue
			}
			seen[name] = true
			pool = append(pool, party{name, cn.iso})
			got++
		}
	}
	r.Shuffle(len(pool), func(i, j int) { pool[i], pool[j] = pool[j], pool[i] })
	// Customers in embargoed countries go to the end of the pool, where the
	// Zipf draw rarely reaches: they are a thin tail, never a top customer.
	embargoed := map[string]bool{"RU": true, "BY": true, "IR": true, "KP": true}
	sort.SliceStable(pool, func(i, j int) bool { return !embargoed[pool[i].country] && embargoed[pool[j].country] })
	return pool
}

type demoNames struct {
	names   []string          // primary names and aliases of 6 runes or more
	country map[string]string // name -> the entry's first country
}

func listNames() (demoNames, error) {
	rd := csv.NewReader(bytes.NewReader(ListCSV))
	recs, err := rd.ReadAll()
	if err != nil {
		return demoNames{}, fmt.Errorf("demo list: %w", err)
	}
	out := demoNames{country: map[string]string{}}
	for _, rec := range recs[1:] {
		country, _, _ := strings.Cut(rec[4], ";")
		for _, n := range append([]string{rec[1]}, strings.Split(rec[2], ";")...) {
			n = strings.TrimSpace(n)
			if len([]rune(n)) >= 6 {
				out.names = append(out.names, n)
				out.country[n] = country
			}
		}
	}
	return out, nil
}

// variant misspells a listed name the way declarations do: a dropped,
// doubled or swapped letter, changed case, an added or dropped legal form,
// punctuation lost, or a common transliteration swap.
func variant(r *rand.Rand, name string) string {
	rs := []rune(name)
	letter := func() int {
		for range 10 {
			if i := 1 + r.IntN(len(rs)-2); unicode.IsLetter(rs[i]) && unicode.IsLetter(rs[i+1]) {
				return i
			}
		}
		return -1
	}
	switch r.IntN(8) {
	case 0: // used as written
	case 1:
		rs = []rune(strings.ToUpper(name))
	case 2:
		if i := letter(); i > 0 {
			rs[i], rs[i+1] = rs[i+1], rs[i]
		}
	case 3:
		if i := letter(); i > 0 {
			rs = append(rs[:i], rs[i+1:]...)
		}
	case 4:
		if i := letter(); i > 0 {
			rs = append(rs[:i+1], rs[i:]...)
		}
	case 5:
		rs = append(rs, []rune(pick(r, []string{" LLC", " JSC", " Co., Ltd.", " GmbH", " FZE", " Ltd"}))...)
	case 6:
		s := strings.Map(func(c rune) rune {
			if unicode.IsPunct(c) {
				return -1
			}
			return unicode.ToLower(c)
		}, name)
		rs = []rune(s)
	case 7:
		s := strings.NewReplacer("ks", "x", "v", "w", "y", "i", "ch", "tch", "Corporation", "Corp.", "Company", "Co.").Replace(name)
		rs = []rune(s)
	}
	return string(rs)
}
