package lists

import (
	"bytes"
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/dualscreen/dualscreen/internal/testutil"
)

func TestFtMFixture(t *testing.T) {
	l, err := Load(t.Context(), "testdata/ftm/entities.ftm.json")
	if err != nil {
		t.Fatal(err)
	}
	checkWellFormed(t, l)
	if l.ID != "opensanctions" || l.Format != "ftm-json" || len(l.Entries) != 3 {
		t.Fatalf("%s %s: %d entries", l.ID, l.Format, len(l.Entries))
	}
	wantProblems(t, l, []string{"entities.ftm.json:8: not a JSON entity", ":9: without id", ":10: has no name"})

	p := mustEntry(t, l, "NK-person1")
	wantStrings(t, "names", namesOf(p), []string{"primary:Viktor Ivanovich TESTOV", "aka:Виктор Иванович ТЕСТОВ",
		"aka:Viktor Testoff", "weak:Vitya", "fka:Viktor PETROV"})
	wantStrings(t, "countries", p.Countries, []string{"RU", "CY"})
	wantStrings(t, "ids", idsOf(p), []string{"tax:taxNumber=770400123456@", "passport:passportNumber=7512345678@"})
	wantStrings(t, "programs", p.Programs, []string{"EU-RUS", "eu_fsf", "Council Regulation (EU) No 269/2014"})
	if p.ListedOn != "2014-03-17" || p.Gender != "male" || p.BirthDates[0] != "1971-01-22" || p.Remarks != "Director of a defence company." {
		t.Errorf("person %+v", p)
	}
	c := mustEntry(t, l, "NK-co1")
	if len(c.Addresses) != 2 || c.Addresses[0].Full != "ul. Lenina 1, Moscow, Russia" || c.Addresses[1].Country != "BY" {
		t.Errorf("addresses from Address entities: %+v", c.Addresses)
	}
	wantStrings(t, "company countries", c.Countries, []string{"RU", "BY"})
	wantStrings(t, "company ids", idsOf(c), []string{"tax:innCode=7707083893@", "registration:ogrnCode=1027700132195@"})
	if v := mustEntry(t, l, "NK-vessel"); v.Type != TypeVessel || idsOf(v)[0] != "imo:imoNumber=9187629@" {
		t.Errorf("vessel %+v", v)
	}
}

func TestFtMDelta(t *testing.T) {
	base, err := Load(t.Context(), "testdata/ftm/entities.ftm.json")
	if err != nil {
		t.Fatal(err)
	}
	d, err := Load(t.Context(), "testdata/ftm/entities.delta.json")
	if err != nil {
		t.Fatal(err)
	}
	// An ADD then DEL inside the delta cancels out; the DEL of an entity
	// the delta does not hold is kept for Apply.
	wantStrings(t, "removed", d.Removed, []string{"NK-vessel"})
	wantProblems(t, d, []string{"entities.delta.json:6: unknown op"})
	base.Apply(d)
	var got []string
	for _, e := range base.Entries {
		got = append(got, e.ID+"="+e.PrimaryName())
	}
	wantStrings(t, "after delta", got, []string{"NK-person1=Viktor Ivanovich TESTOV", "NK-co1=OOO Test Tekhnologii 2", "NK-new2=Second New"})
}

func TestFtMNotTheFormat(t *testing.T) {
	for _, body := range []string{"", "id,name\n1,x\n", "[1,2,3]\n", `{"a":1}` + "\n"} {
		if _, err := readFtM(t.Context(), strings.NewReader(body), "x.json"); err == nil || !strings.Contains(err.Error(), "x.json: not a FollowTheMoney") {
			t.Errorf("%q: %v", body, err)
		}
	}
}

func TestFtMShared(t *testing.T) {
	dir := testutil.SharedData(t, "restricted_parties/opensanctions_ftm_samples")
	l, err := Load(t.Context(), filepath.Join(dir, "t1_entities.ftm.json"))
	if err != nil {
		t.Fatal(err)
	}
	checkWellFormed(t, l)
	// PROVENANCE.md: 7 eu_fsf records; six are parties, the seventh an
	// Address entity (no party in the sample references it).
	if len(l.Entries) != 6 || len(l.Problems) != 0 {
		t.Fatalf("%d entries, problems %v", len(l.Entries), l.Problems)
	}
	e := mustEntry(t, l, "NK-2Ka3UvopqbpZmVDFjWd4LA")
	if e.PrimaryName() != "Vitaly Yurievich KUZMENKO" || e.Type != TypePerson || e.Countries[0] != "RU" || e.ListedOn != "2024-02-23" {
		t.Errorf("%+v", e)
	}
	wantStrings(t, "KUZMENKO ids", idsOf(e), []string{"tax:taxNumber=366510784303@"})
	wantStrings(t, "KUZMENKO names", namesOf(e), []string{"primary:Vitaly Yurievich KUZMENKO", "aka:Vitalij Kuzmenko", "aka:Виталий Юрьевич КУЗЬМЕНКО"})

	// The t2 deltas in order: ADD, ADD, DEL of the second, ADD.
	var deltas []*List
	for _, f := range []string{"t2_20240527194702-wnk_entities.delta.json", "t2_20240528014702-pfh_entities.delta.json",
		"t2_20240528074703-npf_entities.delta.json", "t2_20240528134729-3iv_entities.delta.json"} {
		d, err := Load(t.Context(), filepath.Join(dir, f))
		if err != nil {
			t.Fatal(err)
		}
		deltas = append(deltas, d)
	}
	acc := deltas[0]
	for _, d := range deltas[1:] {
		acc.Apply(d)
	}
	var ids []string
	for _, e := range acc.Entries {
		ids = append(ids, e.ID)
	}
	wantStrings(t, "after t2 deltas", ids, []string{"NK-2T3S8Hu29ktYnKSTgQp2wL", "NK-2sJaJRaPJcWUfMbHjTtWcL", "Q4365364"})
}

func FuzzFtM(f *testing.F) {
	for _, p := range []string{"testdata/ftm/entities.ftm.json", "testdata/ftm/entities.delta.json"} {
		seed, err := os.ReadFile(p)
		if err != nil {
			f.Fatal(err)
		}
		f.Add(seed)
	}
	f.Add([]byte(`{"id":"a","schema":"Person","caption":" ","properties":{"name":[""," x "]}}`))
	f.Fuzz(func(t *testing.T, data []byte) {
		l, err := readFtM(context.Background(), bytes.NewReader(data), "fuzz.json")
		if err == nil {
			checkWellFormed(t, l)
		}
	})
}
