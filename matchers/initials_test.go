package matchers

import (
	"strings"
	"testing"

	"github.com/dualscreen/dualscreen/lists"
)

// Two or three letters that spell a legal form are a person's initials
// when they open a name of one or two more words (leadingInitials); where
// a firm writes the form (at the end, or beside another form or an
// organisation word) they stay a legal form.
func TestLeadingInitialsAreNoLegalForm(t *testing.T) {
	tests := []struct{ in, want string }{
		{"S.A. Sungkar", "s a sungkar"},
		{"S. A. SUNGKAR", "s a sungkar"},
		{"A.E. Elosta", "a e elosta"},
		{"C. A. Smith", "c a smith"},
		{"A.B. Bari Khan", "a b bari khan"},
		// where firms write their forms
		{"RADA S.A.", "rada jsc"},
		{"A.O. Smith Corp", "jsc smith corp"},
		{"A.S. Watson Group", "jsc watson group"},
		{"S.A. Trading", "jsc trading"},
		// AO leads a Russian firm's name
		{"A.O. Rada", "jsc rada"},
		// three words after the letters: no longer a person's name shape
		{"S.A. Banco de Credito Rural", "jsc banco credito rural"},
	}
	for _, tt := range tests {
		if got := Normalise(tt.in).String(); got != tt.want {
			t.Errorf("Normalise(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

// A person named by initials that spell S.A. before the surname reaches
// the listed person; read as a firm it scored 0.41 ("query is an
// organisation, entry a person").
func TestLeadingInitialsMatchListedPerson(t *testing.T) {
	es := []*lists.Entry{
		personEntry("ofac_sdn", "16264", "SUNGKAR, Said Ahmad"),
		personEntry("ofac_sdn", "44522", "RADA, Samer Akil"),
		firmEntry("ofac_sdn", "90001", "RADA S.A."),
	}
	m := NewAligned(es, Options{Threshold: 0.1})
	for _, tt := range []struct{ query, id string }{
		{"S.A. Sungkar", "16264"},
		{"S. A. RADA", "44522"},
	} {
		if got, why := scoreOf(m, tt.query, tt.id); got < 0.85 {
			t.Errorf("%q against %s: %.3f, want 0.85 or more (%s)", tt.query, tt.id, got, why)
		}
	}
	// The firm's own name still reads as the firm.
	if got, why := scoreOf(m, "Rada S.A.", "90001"); got < 0.99 {
		t.Errorf("Rada S.A. against the firm: %.3f (%s)", got, why)
	}
}

// A query written surname first with initials that spell a legal form
// ("SUNGKAR, S.A.") is also read as that person (commaInitialsVariant);
// the person reading matches persons only, so a firm whose words start
// with those letters is not reached through it.
func TestCommaInitialsReadAsPerson(t *testing.T) {
	for _, tt := range []struct{ in, want string }{
		{"SUNGKAR, S.A.", "S.A. SUNGKAR"},
		{"RADA, S. A.", "S. A. RADA"},
		{"RADA, S.A", "S.A RADA"},
		{"RADA, SA", ""}, // one word: the firm's form
		{"RADA, S A", ""},
		{"AL BASRI, A.E.", "A.E. AL BASRI"},
		{"SUNGKAR, S.", ""},                  // one initial is no legal form's shape
		{"SUNGKAR, Said", ""},                // a given name
		{"BANCO DE CREDITO RURAL, S.A.", ""}, // four words: a firm
		{"RADA, S.A., Madrid", ""},           // two commas
		{"RADA S.A.", ""},
	} {
		if got := commaInitialsVariant(tt.in); got != tt.want {
			t.Errorf("commaInitialsVariant(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
	es := []*lists.Entry{
		personEntry("ofac_sdn", "16264", "SUNGKAR, Said Ahmad"),
		firmEntry("ofac_sdn", "90002", "SERVICIO AEREO SUNGKAR"),
	}
	m := NewAligned(es, Options{Threshold: 0.1})
	got, why := scoreOf(m, "SUNGKAR, S.A.", "16264")
	if got < 0.85 || !strings.HasPrefix(why, `read as the person "S.A. SUNGKAR"`) {
		t.Errorf("SUNGKAR, S.A. against the person: %.3f (%s)", got, why)
	}
	if got, why := scoreOf(m, "SUNGKAR, S.A.", "90002"); got >= 0.85 || strings.HasPrefix(why, "read as the person") {
		t.Errorf("SUNGKAR, S.A. against the firm SERVICIO AEREO SUNGKAR: %.3f (%s)", got, why)
	}
}
