package report

import (
	"strings"
	"testing"
)

func TestStatsFromJSONLAndCSVAgree(t *testing.T) {
	jsonl := `{"shipment_id":"S1","destination_country":"RU","control_code":"5A002.a","value_eur":12000.5,"flagged":true,"reasons":["EMBARGOED_DESTINATION","DUAL_USE_LICENCE_REQUIRED"],"hits":[]}
{"shipment_id":"S2","destination_country":"CN","control_code":"5A001.j","value_eur":900,"flagged":true,"reasons":["CYBER_SURVEILLANCE_CATCH_ALL"]}
{"shipment_id":"S3","destination_country":"CN","control_code":"","value_eur":null,"flagged":false,"reasons":[]}
{"shipment_id":"S4","destination_country":"=cmd|' /C calc'!A0","control_code":"X1","value_eur":2500000,"flagged":false,"reasons":null}
`
	csvText := "shipment_id,destination_country,control_code,value_eur,flagged,reasons\n" +
		"S1,RU,5A002.a,12000.5,true,EMBARGOED_DESTINATION;DUAL_USE_LICENCE_REQUIRED\n" +
		"S2,CN,5A001.j,900,true,\"[\"\"CYBER_SURVEILLANCE_CATCH_ALL\"\"]\"\n" +
		"S3,CN,,,false,\n" +
		"S4,=cmd|' /C calc'!A0,X1,2500000,false,\n"
	var outs []string
	for name, body := range map[string]string{"run.jsonl": jsonl, "run.csv": csvText} {
		s := NewStats()
		if err := ReadRunStats(t.Context(), writeTemp(t, name, body), DefaultStatsColumns, s); err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		var b strings.Builder
		if err := s.WriteCSV(&b); err != nil {
			t.Fatal(err)
		}
		outs = append(outs, b.String())
	}
	if outs[0] != outs[1] {
		t.Fatalf("JSONL and CSV outputs differ:\n%s\n%s", outs[0], outs[1])
	}
	for _, want := range []string{
		"total,all,4,2,2512900.50,12900.50\n",
		"destination,CN,2,1,900.00,900.00\n",
		"control_category,5 Telecommunications and information security,2,2,12900.50,12900.50\n",
		"control_category,(not Annex I),1,0,2500000.00,0.00\n",
		"control_entry,5A002,1,1,12000.50,12000.50\n",
		"reason,CYBER_SURVEILLANCE_CATCH_ALL,1,1,900.00,900.00\n",
		"cyber_surveillance_destination,CN,1,1,900.00,900.00\n",
		"value_band,(unknown),1,0,0.00,0.00\n",
		"destination,'=cmd|' /C calc'!A0,1,0,", // a formula stays text
	} {
		if !strings.Contains(outs[0], want) {
			t.Errorf("stats lack %q:\n%s", want, outs[0])
		}
	}
}

func TestStatsErrorsNameLineAndColumn(t *testing.T) {
	for name, tc := range map[string]struct{ file, body, want string }{
		"jsonl value": {"r.jsonl", `{"destination_country":"RU","value_eur":"12k"}` + "\n", "line 1, column value_eur"},
		"csv flagged": {"r.csv", "destination_country,flagged\nRU,maybe\n", "line 2, column flagged"},
		"csv no dest": {"r.csv", "country,flagged\nRU,true\n", "missing column \"destination_country\""},
		"format":      {"r.xlsx", "", "unknown output format"},
	} {
		err := ReadRunStats(t.Context(), writeTemp(t, tc.file, tc.body), DefaultStatsColumns, NewStats())
		if err == nil || !strings.Contains(err.Error(), tc.want) {
			t.Errorf("%s: error %v, want %q", name, err, tc.want)
		}
	}
}
