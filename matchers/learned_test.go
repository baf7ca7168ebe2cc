package matchers

import (
	"math"
	"strings"
	"testing"
)

// scoredName returns the features ScoreCandidates reports for entry key's
// name value of query q.
func scoredName(t *testing.T, m *Aligned, q, key, name string) ScoredName {
	t.Helper()
	var found *ScoredName
	m.ScoreCandidates(Query{Name: q}, 0.3, func(sn ScoredName) {
		if sn.Entry.List+":"+sn.Entry.ID == key && sn.Entry.Names[sn.NameIndex].Value == name {
			found = &sn
		}
	})
	if found == nil {
		t.Fatalf("%q: %s %q is not among the candidates scoring 0.3", q, key, name)
	}
	return *found
}

func TestFeaturesDescribeTheAlignment(t *testing.T) {
	m := NewAligned(fixtureEntries, Options{})
	// the same name: complete, every weight matched on both sides
	full := scoredName(t, m, "Rosoboronexport", "ofac_sdn:20007", "ROSOBORONEXPORT")
	f := full.Features
	if f[FeatComplete] != 1 || f[FeatQueryShare] != 1 || f[FeatListShare] != 1 || f[FeatMinSim] != 1 || f[FeatAligned] != 1 {
		t.Errorf("same name: complete %v, shares %v / %v, min sim %v, aligned %v", f[FeatComplete], f[FeatQueryShare], f[FeatListShare], f[FeatMinSim], f[FeatAligned])
	}
	if f[FeatQueryLeft]+f[FeatListLeft]+f[FeatFuzzy] != 0 || f[FeatPerson] != 0 {
		t.Errorf("same name: left %v / %v, fuzzy %v, person %v", f[FeatQueryLeft], f[FeatListLeft], f[FeatFuzzy], f[FeatPerson])
	}
	if full.Score != f[FeatScore] || math.Abs(f[FeatScoreLogit]-math.Log(0.99/0.01)) > 1e-9 {
		t.Errorf("score %v, feature %v, log-odds %v", full.Score, f[FeatScore], f[FeatScoreLogit])
	}
	// a patronymic left out and a first name spelt differently: a partial
	// person match with one fuzzy pair and an unmatched listed part
	part := scoredName(t, m, "Sergey Ivanov", "ofac_sdn:10001", "IVANOV, Sergei Sergeevich").Features
	if part[FeatPerson] != 1 || part[FeatListLeft] != 1 || part[FeatQueryLeft] != 0 || part[FeatAligned] != 2 {
		t.Errorf("Sergey Ivanov: person %v, list left %v, query left %v, aligned %v", part[FeatPerson], part[FeatListLeft], part[FeatQueryLeft], part[FeatAligned])
	}
	if part[FeatListShare] >= 1 || part[FeatListOpen] <= 0 || part[FeatQueryShare] <= 0.9 {
		t.Errorf("Sergey Ivanov: list share %v, list open %v, query share %v", part[FeatListShare], part[FeatListOpen], part[FeatQueryShare])
	}
	// an organisation's query against a person's name
	tm := scoredName(t, m, "Smith John LLC", "ofac_sdn:20008", "SMITH, John").Features
	if tm[FeatTypeMismatch] != 1 {
		t.Errorf("Smith John LLC / SMITH, John: type mismatch %v", tm[FeatTypeMismatch])
	}
}

// A learned score replaces the hand-made one of the names it applies to,
// Match and the explanation agree on it, and a person's name keeps its
// hand-made score when the learned score is for organisations only.
func TestLearnedScoreReplacesHandMade(t *testing.T) {
	hand := NewAligned(fixtureEntries, Options{Threshold: 0.3})
	h := hand.Match(Query{Name: "Apple Trading Co"}, nil)
	if len(h) == 0 || h[0].Entry.ID != "20003" {
		t.Fatalf("hand-made: %v", h)
	}
	// a model that only reads the match's completeness: p = 1/(1+e^-2)
	// for this complete match, reported at 0.85 + 0.15·(p-0.8)/0.2
	l := &LearnedScore{Bias: 0, Cut: 0.8, From: 0.3, OrgsOnly: true}
	l.Weights[FeatComplete] = 2
	p := 1 / (1 + math.Exp(-2))
	m := NewAligned(fixtureEntries, Options{Threshold: 0.3, Tuning: Tuning{Learned: l}})
	got := m.Match(Query{Name: "Apple Trading Co"}, nil)
	if len(got) == 0 || got[0].Entry.ID != "20003" {
		t.Fatalf("learned: %v", got)
	}
	if want := 0.85 + 0.15*(p-0.8)/0.2; math.Abs(got[0].Score-want) > 1e-9 {
		t.Errorf("learned score %.4f, want %.4f; hand-made was %.4f", got[0].Score, want, h[0].Score)
	}
	if !strings.Contains(got[0].Explanation, "learned score 0.911 (probability 0.881) from hand-made 1.000") {
		t.Errorf("explanation %q does not give the learned score", got[0].Explanation)
	}
	// a person keeps the hand-made score
	ph := hand.Match(Query{Name: "Sergey Ivanov"}, nil)
	pl := m.Match(Query{Name: "Sergey Ivanov"}, nil)
	if len(ph) == 0 || len(pl) == 0 || ph[0].Score != pl[0].Score || strings.Contains(pl[0].Explanation, "learned") {
		t.Errorf("person: hand-made %v, with the organisations' learned score %v", ph, pl)
	}
}
