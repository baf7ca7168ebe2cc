package lists

import "testing"

func TestEntriesDropsRepeatedIDs(t *testing.T) {
	a := &List{ID: "ofac_cons", Entries: []*Entry{
		{List: "ofac_cons", ID: "306", Names: []Name{{Value: "BANCO NACIONAL DE CUBA"}}},
		{List: "ofac_cons", ID: "173", Names: []Name{{Value: "ANGLO-CARIBBEAN CO., LTD."}}},
	}}
	b := &List{ID: "ofac_cons", Entries: []*Entry{
		{List: "ofac_cons", ID: "306", Names: []Name{{Value: "Banco Nacional de Cuba"}}},
		{List: "ofac_sdn", ID: "306", Names: []Name{{Value: "BANCO NACIONAL DE CUBA"}}},
	}}
	got, dups := Entries([]*List{a, b})
	if dups != 1 || len(got) != 3 {
		t.Fatalf("got %d entries, %d duplicates; want 3 and 1", len(got), dups)
	}
	if got[0].PrimaryName() != "BANCO NACIONAL DE CUBA" || got[2].List != "ofac_sdn" {
		t.Errorf("kept %+v, want the first of each pair in order", got)
	}
}
