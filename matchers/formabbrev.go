package matchers

// Russian firms abbreviate the kind of company they are with the word
// that says what they do: IC (investitsionnaya kompaniya, investment
// company), SK (stroitelnaya, strakhovaya or sudokhodnaya kompaniya:
// construction, insurance or shipping company), TK and TC (torgovaya
// kompaniya, trading company). The normaliser reads the abbreviation as
// the company form (legalforms.go), so "LLC IC ABROS" and "THE LIMITED
// LIABILITY COMPANY INVESTMENT COMPANY ABROS" align their company forms,
// and "investment", which the abbreviation also spells, was left over on
// the listed side as a word the query lacks ("IC HORVIK LLC" /
// "INTERNATIONAL COMPANY LLC KHORVIK", "OOO SK LADOGA" / "LADOGA SHIPPING
// COMPANY LLC"). Only the query's abbreviations are known to the scorer:
// a listed "OOO TK FLY BRIDGE" against a query that spells the word out
// is left as it was (the index would have to keep each name's letters).

// formAbbrevs are the abbreviations of a word and the company form.
var formAbbrevs = map[string]bool{"ic": true, "sk": true, "tk": true, "tc": true}

// alignFormAbbrevs aligns, for a query company form that one of the
// query's abbreviations wrote, the listed word just before the listed
// company form it aligned with, when that word is left over and begins
// with the abbreviation's first letter: the abbreviation stands for both.
func alignFormAbbrevs(s *scratch, nt []nameTok) {
	al := &s.al
	for i := range s.q {
		q := &s.q[i]
		j := int(al.qm[i])
		if q.kind != TokLegal || q.text != formCo || j < 1 || al.qs[i] != 1 || nt[j].kind != TokLegal {
			continue
		}
		w := &nt[j-1]
		for k := 0; k < len(s.norm.formAbbrevs); k++ {
			if al.nm[j-1] == -1 && w.kind == TokWord && w.first == s.norm.formAbbrevs[k] {
				al.nm[j-1] = int8(i)
				al.how[i] = alignFormAbbrev
				break
			}
		}
	}
}
