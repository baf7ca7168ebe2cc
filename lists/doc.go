// Package lists reads restricted-party lists in their official formats into
// one Entry model. It sits at the start of screening: the CLI loads lists
// with Load or LoadDir, matchers index the entries, and hits carry an
// entry's list id and the list's own stable entry id. Readers never score:
// they keep raw values and normalise alongside (ISO2 countries, typed
// names, identifier schemes) so matchers work on one shape.
//
// # The model
//
// An Entry is one listed party: its list id ("ofac_sdn", "un_sc",
// "eu_fsf", ...), the list's own id (OFAC ent_num, UN REFERENCE_NUMBER, EU
// logicalId, UK group id, CSL _id), a type (person, organisation, vessel,
// aircraft, unknown) and its names. Names[0] is the primary name; the
// others are aka, fka, or weak: the low-quality aliases publishers mark as
// such (OFAC's a.k.a. in remarks, UN quality "Low", EU strong="false",
// UK "Low quality", FtM weakAlias), which matchers score lower. Countries
// are ISO 3166 alpha-2, resolved through package countries, with the
// published wording kept in CountriesRaw. Identifiers keep their published
// type and get a Scheme (passport, tax, registration, imo, ...) so that
// numbers can be compared across lists.
//
// # Formats
//
// Formats is the one table of readers; `dualscreen lists formats` prints
// it. Each format is recognised from the file's first 4 KiB and its name
// (compressed files are looked into), and FORMAT=FILE names one by hand.
// One file per format: ofac_csv.go (legacy CSV with its companion files),
// ofac_enhanced_xml.go, un_xml.go, eu_fsf_xml.go, eu_fsf_csv.go,
// eu_journal_csv.go, uk_ofsi_csv.go, uk_fcdo_csv.go, us_csl.go (CSV and
// JSON), bis_dpl.go, ftm.go (entities and deltas), os_targets_csv.go,
// os_curated_csv.go and inhouse_csv.go.
//
// # Bad input
//
// A row a reader cannot use is skipped and recorded as a Problem with its
// file and line, never dropped silently; `dualscreen lists inspect`
// prints them grouped. A file that yields problems and no entry at all is
// some other file, and its read fails with an error naming it. Large files
// are streamed: CSV with ReuseRecord, XML one record element at a time.
package lists
