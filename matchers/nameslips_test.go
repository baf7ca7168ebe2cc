package matchers

import "testing"

// A slip of the hand in a word the normaliser writes one way (an
// organisation word, a given name) is read as that word: a letter added,
// doubled or left out, or two neighbours swapped. What is no slip is left
// as written: an ending (a surname made of a given name, a plural), a
// changed letter in an organisation word (mostly another romanisation),
// and a short word.
func TestNameSlips(t *testing.T) {
	same := []struct{ slip, right string }{
		{"SINOTECH IDNUSTRY CO., LTD.", "SINOTECH INDUSTRY CO., LTD."},               // swap
		{"AL-AMER FOR MANUAFCTURE OF PLASTIC", "AL-AMER FOR MANUFACTURE OF PLASTIC"}, // swap
		{"INERSIONES MALAMAR R, C.A.", "INVERSIONES MALAMAR R, C.A."},                // left out
		{"TEKHNOLOGGII ROSTA OOO", "TEKHNOLOGII ROSTA OOO"},                          // doubled
		{"MIKHEEV, Alexxander A.", "MIKHEEV, Alexander A."},                          // doubled
		{"IBRAHEM, Khalil", "IBRAHEEM, Khalil"},                                      // left out
		{"Mohmamad Rahimi", "Mohammad Rahimi"},
		{"YAZBECK, Mohamamd", "YAZBECK, Mohammad"}, // a swap of a form mohammed shares                                       // swap, as before
	}
	for _, c := range same {
		if a, b := normText(c.slip), normText(c.right); a != b {
			t.Errorf("%q normalises to %q, %q to %q", c.slip, a, c.right, b)
		}
	}
	kept := []struct{ name, word string }{
		{"HOSSEINI, Ali", "hosseini"},                // Hossein with an ending: a surname
		{"MIKHAILOV, Ivan", "mikhailov"},             // Mikhailo with an ending
		{"OPITNOE KONSTRUKTORSKOE BYURO", "opitnoe"}, // a changed letter in an organisation word
		{"Banka Trading", "banka"},                   // under seven letters: bank with an ending
	}
	for _, c := range kept {
		found := false
		for _, tk := range Normalise(c.name).Tokens {
			found = found || tk.Text == c.word
		}
		if !found {
			t.Errorf("%q lost its word %q: %v", c.name, c.word, Normalise(c.name).Tokens)
		}
	}
}

func normText(s string) string { return joinTokens(Normalise(s).Tokens) }
