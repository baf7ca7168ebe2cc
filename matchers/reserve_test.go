package matchers

import (
	"fmt"
	"testing"

	"github.com/dualscreen/dualscreen/lists"
)

// crowdedBankEntries: thirty banks whose names share "Joint Stock
// Mortgage Bank" with the query, one listed only as "Novikombank", and
// enough persons beside them that those shared words are rare-ish, as
// they are on the real lists.
func crowdedBankEntries() []*lists.Entry {
	banks := []string{"AVANGARD", "AKCEPT", "ALMAZERGIENBANK", "BANK SANKT-PETERBURG", "CENTR-INVEST", "CHELINDBANK",
		"DERZHAVA", "ENERGOTRANSBANK", "EXPOBANK", "FORA-BANK", "GARANT-INVEST", "INGOSSTRAKH-BANK", "IPOTEKA-INVEST",
		"KUBAN KREDIT", "LANTA-BANK", "METALLINVESTBANK", "MOSKOMMERTSBANK", "NATSINVESTPROMBANK", "NORVIK",
		"PERESVET", "PRIMORYE", "PROMSELKHOZBANK", "RENAISSANCE CREDIT", "ROSDORBANK", "SDM-BANK", "SEVERGAZBANK",
		"SOLIDARNOST", "TAVRICHESKIY", "TOCHKA", "ZENIT"}
	var es []*lists.Entry
	for i, b := range banks {
		es = append(es, &lists.Entry{List: "eu_journal", ID: fmt.Sprintf("B%d", i), Type: lists.TypeOrganisation,
			Names: []lists.Name{{Value: "JOINT STOCK MORTGAGE BANK " + b, Kind: lists.NamePrimary}}})
	}
	es = append(es, &lists.Entry{List: "eu_journal", ID: "I.ENTITIES/80", Type: lists.TypeOrganisation,
		Names: []lists.Name{{Value: "Novikombank", Kind: lists.NamePrimary}}})
	given := []string{"Sergei", "Ivan", "Olga", "Dmitry", "Anna", "Pavel", "Yuri", "Elena", "Igor", "Nikolai", "Tatiana", "Oleg"}
	family := []string{"KUZNETSOV", "SMIRNOV", "POPOV", "VASILIEV", "PETROV", "SOKOLOV", "MIKHAILOV", "NOVIKOV", "FEDOROV",
		"MOROZOV", "VOLKOV", "ALEKSEEV", "LEBEDEV", "SEMENOV", "EGOROV"}
	for i, f := range family {
		for j, g := range given {
			es = append(es, &lists.Entry{List: "ofac_sdn", ID: fmt.Sprintf("P%d-%d", i, j), Type: lists.TypePerson,
				Names: []lists.Name{{Value: f + ", " + g, Kind: lists.NamePrimary}}})
		}
	}
	return es
}

func candidateIDs(m *Aligned, q string) map[string]bool {
	got := map[string]bool{}
	m.Candidates(Query{Name: q}, func(e *lists.Entry) { got[e.ID] = true })
	return got
}

// The entry listed only under the query's rarest word is scored although
// thirty entries sharing the query's other words rank above it.
func TestRareWordReservesCandidates(t *testing.T) {
	es := crowdedBankEntries()
	const q = "JOINT STOCK MORTGAGE BANK NOVIKOMBANK"
	off := NewAligned(es, Options{Tuning: Tuning{RareReserve: -1}})
	if got := candidateIDs(off, q); len(got) != 24 || got["I.ENTITIES/80"] {
		t.Fatalf("without the reserve: %d candidates, Novikombank among them %v; the fixture no longer crowds it out", len(got), got["I.ENTITIES/80"])
	}
	m := NewAligned(es, Options{})
	got := candidateIDs(m, q)
	if !got["I.ENTITIES/80"] {
		t.Fatalf("Novikombank is not a candidate for %q", q)
	}
	if len(got) > 24+DefaultTuning().RareReserve {
		t.Errorf("%d candidates, want at most %d", len(got), 24+DefaultTuning().RareReserve)
	}
}

// A query whose rarest word is short (a syllable, an abbreviation) keeps
// no slots: such words are rare in many unrelated names.
func TestRareReserveSkipsShortWords(t *testing.T) {
	es := crowdedBankEntries()
	es = append(es, &lists.Entry{List: "ofac_sdn", ID: "NVK", Type: lists.TypeOrganisation,
		Names: []lists.Name{{Value: "NVKB", Kind: lists.NamePrimary}}})
	m := NewAligned(es, Options{})
	if got := candidateIDs(m, "JOINT STOCK MORTGAGE BANK NVKB"); got["NVK"] {
		t.Errorf("a four-letter word kept a slot: NVKB is a candidate")
	}
}

// Candidates, like Match, gathers for each name a field holds: a bank
// crowded out of the whole field's candidates is among those of its own
// name.
func TestCandidatesPerNameVariant(t *testing.T) {
	m := NewAligned(crowdedBankEntries(), Options{Tuning: Tuning{RareReserve: -1}})
	got := candidateIDs(m, "JOINT STOCK MORTGAGE BANK ZENIT; NOVIKOMBANK")
	if !got["I.ENTITIES/80"] || !got["B29"] {
		t.Errorf("candidates hold Novikombank %v, ZENIT %v; want both", got["I.ENTITIES/80"], got["B29"])
	}
}
