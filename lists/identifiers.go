package lists

import "strings"

// identifierScheme maps a published identifier type to the normalised
// vocabulary of Identifier.Scheme. Lists name the same thing many ways
// ("Tax ID No.", "taxNumber", "INN", "R.F.C."), and a matcher can only
// compare identifiers of one scheme. Rules are keyword tests in order: the
// more specific first ("Vessel Registration Identification IMO" is an IMO
// number, not a registration number).
func identifierScheme(typ string) string {
	t := strings.ToLower(typ)
	// Short codes count only as whole words, with dots dropped ("R.F.C." is
	// "rfc"), so "inn" does not fire inside "Inner Mongolia".
	words := strings.FieldsFunc(strings.ReplaceAll(t, ".", ""), func(r rune) bool {
		return !(r >= 'a' && r <= 'z' || r >= '0' && r <= '9' || r > 0x7f)
	})
	has := func(subs ...string) bool {
		for _, s := range subs {
			if strings.Contains(t, s) {
				return true
			}
		}
		return false
	}
	word := func(ws ...string) bool {
		for _, w := range ws {
			for _, x := range words {
				if x == w {
					return true
				}
			}
		}
		return false
	}
	switch {
	case t == "":
		return IDOther
	case word("imo", "imonumber") || has("imo number"):
		return IDIMO
	case word("mmsi"):
		return IDMMSI
	case has("swift") || word("bic", "swiftbic"):
		return IDSWIFT
	case has("legal entity number") || word("lei", "leicode"):
		return IDLEI
	case has("call sign", "callsign"):
		return IDCallSign
	case has("aircraft", "tail number", "serial number") || word("msn"):
		return IDAircraft
	case has("digital currency", "crypto"):
		return IDCrypto
	case has("passport", "pasaporte", "passeport", "travel document"):
		return IDPassport
	case has("tax", "fiscal", "v.a.t", "vat number", "fein", "innkod") ||
		word("inn", "inncode", "kpp", "kppcode", "vat", "rfc", "nit", "ruc", "rif", "tin", "cuit", "nuit", "cif", "rtn"):
		return IDTax
	case has("regist", "company number", "ogrn", "okpo", "social credit", "commerc", "chamber", "trade license",
		"d-u-n-s", "business number", "enterprise number", "incorporation", "cbls", "mercantil", "gazette",
		"organization code", "charity", "licen") || word("uscc", "usccc", "cr", "duns", "hrb", "hra"):
		return IDRegistration
	case has("national id", "identity", "identification", "id card", "id no", "cedula", "personal id", "social security",
		"citizen", "tazkira", "electoral", "identidad", "residen", "birth certificate", "national number", "id number") ||
		word("curp", "dni", "ssn", "cui", "cuip", "nin", "idnumber", "ife"):
		return IDNationalID
	}
	return IDOther
}
