package matchers

import (
	"testing"

	"github.com/dualscreen/dualscreen/lists"
)

// The legal forms completed against ISO 20275 (session 13), one or two per
// language, each in a name as the lists write it: the form becomes its
// class and leaves the firm's own words alone.
func TestLegalFormsCompleted(t *testing.T) {
	tests := []struct{ in, want string }{
		// Russian and Belarusian additional liability company (ODO).
		{"OBSHCHESTVO S DOPOLNITELNOY OTVETSTVENNOSTYU BELNEFTEGAZ", "llc belneftegaz"},
		{"Общество с дополнительной ответственностью «Белнефтегаз»", "llc belneftegaz"},
		{"Таварыства з дадатковай адказнасцю Белнафтагаз", "llc belnaftagaz"},
		{"Акционерное общество закрытого типа Ижмаш", "jsc izhmash"},
		// Ukrainian.
		{"Акціонерне товариство Мотор Січ", "jsc motor sich"},
		{"ТзОВ Галнафтогаз", "llc galnaftogaz"},
		// Serbian.
		{"Jugoimport Akcionarsko Društvo", "jugoimport jsc"},
		{"Društvo sa ograničenom odgovornošću Kominvex Beograd", "llc kominvex beograd"},
		{"ДРУШТВО СА ОГРАНИЧЕНОМ ОДГОВОРНОШЋУ КОМИНВЕКС", "llc kominveks"},
		{"Končar Društvo s ograničenom odgovornošću", "koncar llc"},
		{"ЈАВНО ПРЕДУЗЕЋЕ ЕЛЕКТРОПРИВРЕДА СРБИЈЕ", "soe elektroprivreda srbije"},
		// German, French, Italian.
		{"Siemens Gesellschaft mbH", "siemens llc"},
		{"Henkel AG & Co. KGaA", "henkel jsc co lp"},
		{"Thales Société par actions simplifiée", "thales jsc"},
		{"Finmeccanica Società in accomandita per azioni", "finmeccanica lp"},
		// Spanish: the Venezuelan C.A. written as letters or spelt out.
		{"CORPORACION VENEZOLANA DE GUAYANA MINERVEN C.A.", "corp venezolana guayana minerven jsc"},
		{"Minerven Compañía Anónima", "minerven jsc"},
		{"Servicios Aereos Sociedad por Acciones Simplificada", "service aereos jsc"},
		// Turkish, Arabic, Korean.
		{"Aselsan Anonim Şirket", "aselsan jsc"},
		{"مصفاة الزرقاء المحدودة", "msfaa alzrqa llc"},
		{"Hana Jusikhoesa", "hana jsc"},
		{"(유)대성무역", "llc tae song mu yok"},
		// English.
		{"Blue Ridge Limited Liability Corporation", "blue ridge llc"},
		// Brazilian: EIRELI, and ME / EPP closing a firm's name; "Me" alone
		// or first is a word.
		{"TRANSPORTES LIMA EIRELI", "transportes lima llc"},
		{"Lima Indústria e Comércio ME", "lima industrial trading co"},
		{"Silva Comercio EPP", "silva trading co"},
		{"Me Too", "me too"},
		// "CA" written as one word is California, not C.A.
		{"PACIFIC ENTERPRISES INC /CA/", "pacific enterprise corp ca"},
	}
	for _, tt := range tests {
		if got := Normalise(tt.in).String(); got != tt.want {
			t.Errorf("Normalise(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

func TestCyrillicOnlyLegalForms(t *testing.T) {
	for _, tt := range []struct{ in, want string }{
		{`ПП "Київмаш"`, "llc kyivmash"},
		{"ТДВ «Київмаш»", "llc kyivmash"},
		{"КП «Київводоканал»", "soe kyivvodokanal"},
		{"ХХК Монголмаш", "llc mongolmash"},
		{"АҚ «Казмаш»", "jsc kazmash"},
		{"ЖШС «Фотон Про»", "lp foton pro"},
		{"JSC PP Mash", "jsc pp mash"}, // the Latin PP is the firm's own word
		{"PP Mash", "pp mash"},
		{"ППП Київмаш", "ppp kyivmash"}, // a longer word is no form
	} {
		if got := Normalise(tt.in).String(); got != tt.want {
			t.Errorf("Normalise(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
	es := []*lists.Entry{
		firmEntry("ofac_sdn", "90004", "JSC PP Mash"),
		firmEntry("ofac_sdn", "90005", "PHOTON PRO LLP"),
	}
	m := NewAligned(es, Options{Threshold: 0.1})
	if got, why := scoreOf(m, `ПП "Київмаш"`, "90004"); got >= 0.85 {
		t.Errorf("the private enterprise Kyivmash against JSC PP Mash: %.3f (%s)", got, why)
	}
	if got, why := scoreOf(m, "ЖШС «Фотон Про»", "90005"); got < 0.85 {
		t.Errorf("ЖШС «Фотон Про» against PHOTON PRO LLP: %.3f (%s)", got, why)
	}
}

func TestSoleTraderForms(t *testing.T) {
	for _, tt := range []struct{ in, want string }{
		{"Braun & Keller e.K.", "braun keller lp"},
		{"Schmidt Stahlhandel e. Kfm.", "schmidt stahlhandel lp"},
		{"Fritz Martin Gelowicz Einzelunternehmen", "fritz martin gelowicz lp"},
		{"ФОП Петренко Петро Петрович", "lp petrenko petro petrovich"},
		{"John E. K. Smith", "john e k smith"}, // initials inside a name
	} {
		if got := Normalise(tt.in).String(); got != tt.want {
			t.Errorf("Normalise(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
	m := NewAligned([]*lists.Entry{personEntry("ofac_sdn", "90006", "KOLLER, Bruno")}, Options{Threshold: 0.1})
	if got, why := scoreOf(m, "Braun & Keller e.K.", "90006"); got >= 0.85 {
		t.Errorf("Braun & Keller e.K. against KOLLER, Bruno: %.3f (%s)", got, why)
	}
}
