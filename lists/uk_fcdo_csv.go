package lists

import (
	"bytes"
	"context"
)

// The FCDO's UK Sanctions List CSV (UK-Sanctions-List.csv) is the list of
// all UK designations under the Sanctions and Anti-Money Laundering Act,
// including trade sanctions designations that OFSI's ConList leaves out.
// It has the ConList shape (see uk_ofsi_csv.go) with its own column names,
// a "Report Date: ..." line above the header and rows grouped by Unique
// ID, plus ship and company columns (IMO number, flag, registration
// numbers).

var ukFCDOLayout = ukLayout{
	listID: "uk_fcdo", format: "uk-fcdo-csv", id: "Unique ID",
	names:    []string{"Name 1", "Name 2", "Name 3", "Name 4", "Name 5", "Name 6"},
	nameType: "Name type", quality: "Alias strength", nonLatin: "Name non-latin script", nonLatinLang: "Non-latin script language",
	typ: "Designation Type", regime: "Regime Name", listed: []string{"Date Designated"},
	dob: "D.O.B", birthTown: "Town of birth", birthCountry: "Country of birth", nationality: "Nationality(/ies)",
	passport: "Passport number", nationalID: "National Identifier number", position: "Position", gender: "Gender",
	address:  []string{"Address Line 1", "Address Line 2", "Address Line 3", "Address Line 4", "Address Line 5", "Address Line 6"},
	postcode: "Address Postal Code", country: "Address Country", remarks: []string{"Other Information", "Sanctions Imposed"},
	regNumber: "Business registration number (s)", imo: "IMO number", flag: "Current believed flag of ship",
}

func detectUKFCDOCSV(base string, head []byte) bool {
	return bytes.Contains(head, []byte("Unique ID")) && bytes.Contains(head, []byte("Name 6")) && bytes.Contains(head, []byte("Designation Type"))
}

// ReadUKFCDOCSV reads the FCDO UK Sanctions List CSV.
func ReadUKFCDOCSV(ctx context.Context, path string) (*List, error) {
	return readUKFile(ctx, path, ukFCDOLayout)
}
