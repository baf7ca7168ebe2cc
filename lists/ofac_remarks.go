package lists

import (
	"sort"
	"strings"
)

// In OFAC's legacy files the remarks field carries most of what the XML
// formats give as features, as "; "-separated items:
//
//	DOB 03 May 1938; POB Egypt; nationality Iran; Gender Male;
//	Passport 1084010 (Egypt); alt. Passport L 191609 issued 28 Feb 1996;
//	Vessel Registration Identification IMO 7406784; a.k.a. 'BNC'.
//
// parseOFACRemarks lifts the items screening can use into the entry and
// leaves Remarks as published. Items it does not know (Linked To, Website,
// sanctions risk notes) stay only in Remarks.

// ofacIDPrefixes are the identifier labels OFAC writes in remarks, as
// published. Longest first, so "Registration Number HE" style prefixes do not
// shadow each other: matching takes the first label the item starts with.
var ofacIDPrefixes = func() []string {
	p := []string{
		"Passport", "Diplomatic Passport", "Passport Booklet", "Passport Booklet:", "Travel Document Number",
		"National ID No.", "National Foreign ID Number", "Personal ID Card", "Identification Number",
		"Cedula No.", "C.U.R.P.", "C.U.R.P. #", "C.U.I.", "C.U.I.P.", "D.N.I.", "SSN", "Kenyan ID No.",
		"Turkish Identification Number", "Numero de Identidad", "Citizen's Card Number", "Tazkira National ID Card",
		"Residency Number", "Birth Certificate Number", "Electoral Registry No.", "Credencial electoral", "I.F.E.",
		"Driver's License No.", "Refugee ID Card", "UAE Identification", "Military Registration Number",
		"Cartilla de Servicio Militar Nacional", "VisaNumberID", "SRE Permit No.", "Immigration No.",
		"Stateless Person ID Card", "Pilot License Number",
		"Tax ID No.", "R.F.C.", "R.F.C. #", "RFC", "NIT #", "RUC #", "RIF #", "V.A.T. Number", "C.U.I.T.",
		"US FEIN", "Italian Fiscal Code", "Italian Fiscal Code:", "C.I.F.", "RTN", "Paraguayan tax identification number",
		"Numero Unico de Identificacao Tributaria (NUIT)",
		"Registration Number", "Registration ID", "Business Registration Number", "Business Registration Document #",
		"Public Registration Number", "Commercial Registry Number", "Company Number", "UK Company Number",
		"Government Gazette Number", "Unified Social Credit Code (USCC)", "United Social Credit Code Certificate (USCCC)",
		"Legal Entity Number", "Folio Mercantil No.", "Matricula Mercantil No", "Economic Register Number (CBLS)",
		"C.R. No.", "Trade License No.", "Chamber of Commerce Number", "Central Registration System Number",
		"Istanbul Chamber of Comm. No.", "Dubai Chamber of Commerce Membership No.", "D-U-N-S Number",
		"Business Number", "Enterprise Number", "Branch Unit Number", "Certificate of Incorporation Number",
		"Registered Charity No.", "LE Number", "Romanian C.R.", "Organization Code", "File Number", "Permit Number",
		"Afghan Money Service Provider License Number", "License", "BIK (RU)", "SWIFT/BIC", "ISIN", "Equity Ticker",
		"Chinese Commercial Code",
		"Vessel Registration Identification IMO", "Vessel Registration Identification", "Identification Number IMO",
		"Company Number IMO", "IMO", "MMSI", "Other Vessel Call Sign",
		"Aircraft Manufacturer's Serial Number (MSN)", "Aircraft Tail Number",
		"Aircraft Construction Number (also called L/N or S/N or F/N)", "Aircraft Serial Identification",
		"Aircraft Mode S Transponder Code",
		"Serial No.", "Moroccan Personal ID No.", "Bosnian Personal ID No.", "British National Overseas Passport",
		"N.I.E.", "Stateless Person Passport", "CNP (Personal Numerical Code)", "Romanian Permanent Resident",
		"Romanian Tax Registration", "Fiscal Code", "Public Security and Immigration No.",
	}
	sort.SliceStable(p, func(i, j int) bool { return len(p[i]) > len(p[j]) })
	return p
}()

// ofacIDLabels is ofacIDPrefixes as a set, for formats that give the
// label in its own field (CSL ids, Enhanced XML features).
var ofacIDLabels = func() map[string]bool {
	m := make(map[string]bool, len(ofacIDPrefixes))
	for _, p := range ofacIDPrefixes {
		m[strings.TrimSuffix(p, ":")] = true
	}
	return m
}()

// ofacDateMarkers end the value of an identifier: what follows is about the
// document, not part of its number.
var ofacDateMarkers = []string{" issued ", " expires ", " valid "}

func parseOFACRemarks(e *Entry) {
	rem := strings.TrimSpace(e.Remarks)
	if rem == "" {
		return
	}
	rem = strings.TrimSuffix(rem, ".")
	for _, item := range strings.Split(rem, "; ") {
		item = strings.TrimSpace(item)
		item = strings.TrimPrefix(item, "alt. ")
		item = strings.TrimPrefix(item, "Alt. ")
		if item == "" {
			continue
		}
		switch {
		case hasAlias(item, "a.k.a. "), hasAlias(item, "f.k.a. "), hasAlias(item, "n.k.a. "):
			// OFAC lists its weak ("low quality") aliases only here.
			e.addName(strings.Trim(strings.TrimSpace(item[7:]), "'"), NameWeak, "")
		case strings.HasPrefix(item, "DOB "):
			e.BirthDates = appendOnce(e.BirthDates, clean(item[4:]))
		case strings.HasPrefix(item, "POB "):
			e.BirthPlaces = appendOnce(e.BirthPlaces, clean(item[4:]))
		case strings.HasPrefix(item, "nationality "):
			e.addCountry(item[len("nationality "):])
		case strings.HasPrefix(item, "citizen "):
			e.addCountry(item[len("citizen "):])
		case strings.HasPrefix(item, "Nationality of Registration "):
			e.addCountry(item[len("Nationality of Registration "):])
		case strings.HasPrefix(item, "Gender "):
			e.Gender = clean(item[len("Gender "):])
		case strings.HasPrefix(item, "Digital Currency Address - "):
			// "Digital Currency Address - XBT 12QtD5B...": the currency is part of the type.
			cur, val, ok := strings.Cut(item[len("Digital Currency Address - "):], " ")
			if ok {
				e.addIdentifier("Digital Currency Address - "+cur, val, "")
			}
		default:
			parseOFACIdentifier(e, item)
		}
	}
}

func hasAlias(item, marker string) bool {
	return strings.HasPrefix(item, marker) && strings.Contains(item[len(marker):], "'")
}

// parseOFACIdentifier reads "LABEL VALUE [(Country)] [issued ...]" for the
// labels in ofacIDPrefixes. Items with other labels are left alone.
func parseOFACIdentifier(e *Entry, item string) {
	for _, p := range ofacIDPrefixes {
		if len(item) <= len(p) || !strings.HasPrefix(item, p) || item[len(p)] != ' ' {
			continue
		}
		rest := strings.TrimSpace(item[len(p):])
		for _, m := range ofacDateMarkers {
			if i := strings.Index(rest, m); i > 0 {
				rest = rest[:i]
			}
		}
		country := ""
		if strings.HasSuffix(rest, ")") {
			if i := strings.LastIndex(rest, " ("); i > 0 {
				if iso, ok := countryCode(rest[i+2 : len(rest)-1]); ok && iso != "" {
					country = rest[i+2 : len(rest)-1]
					rest = strings.TrimSpace(rest[:i])
				}
			}
		}
		if rest == "" {
			return
		}
		e.addIdentifier(strings.TrimSuffix(p, ":"), rest, country)
		return
	}
}
