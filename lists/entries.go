package lists

// Entries returns the entries of ls in order, keeping the first of any
// (list id, entry id) pair met twice, and how many it dropped. The same
// list published in two formats (OFAC's consolidated non-SDN list as
// cons_prim.csv and as CONS_ENHANCED.XML, both loaded by --lists) would
// otherwise be matched twice and report every hit twice.
func Entries(ls []*List) (entries []*Entry, duplicates int) {
	type key struct{ list, id string }
	n := 0
	for _, l := range ls {
		n += len(l.Entries)
	}
	entries = make([]*Entry, 0, n)
	seen := make(map[key]bool, n)
	for _, l := range ls {
		for _, e := range l.Entries {
			k := key{e.List, e.ID}
			if seen[k] {
				duplicates++
				continue
			}
			seen[k] = true
			entries = append(entries, e)
		}
	}
	return entries, duplicates
}
