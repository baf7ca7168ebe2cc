package matchers

// Words that say what kind of armed or political group a name belongs
// to ("Sham al-Islam Movement", "Jaish Ansar al-Sunna", "Kataib
// Hizballah", "Tehrik-e Taliban"), in English and as the lists romanise
// Arabic, Persian and Urdu. Publishers keep or drop them as they do a
// company's legal form: the UN and OFAC list "Ansar al-Sunna" where a
// journal writes "Jaish Ansar al-Sunna". So in the name of an entry that
// is not a person such a word left over on either side weighs no more
// than a legal form (Tuning.LegalWeight); aligned, it counts in full, as
// any word does. Words that also name companies' activities or other
// bodies ("force": Syrian Air Force against the airline; "corps",
// "organisation", "group", the last an organisation word already) are
// not among them.
var groupTypeWords = []string{
	"movement", "movements", "army", "front", "brigade", "brigades", "battalion", "battalions",
	"party", "militia",
	"jaish", "jaysh", "harakat", "harakatul", "jabhat", "jebhat", "kataib", "katibat", "liwa",
	"tanzim", "jamaat", "jamaa", "jamaah", "jamiat", "hizb", "hezb", "tehrik", "tehreek", "tahreek",
}

// markGroupTypes sets, for every vocabulary word in groupTypeWords, its
// bit in ix.groupType: the scorer asks it of each word left over, and 14
// KB of bits stay in cache.
func (ix *Index) markGroupTypes() {
	ix.groupType = make([]uint64, (len(ix.voc.text)+63)/64)
	for _, w := range groupTypeWords {
		if id, ok := ix.voc.ids[w]; ok && ix.voc.kind[id] == TokWord {
			ix.groupType[id>>6] |= 1 << (id & 63)
		}
	}
}

// isGroupType reports whether vocabulary id v is a group-type word; -1
// (a word the lists never use) is not.
func (ix *Index) isGroupType(v int32) bool {
	return v >= 0 && ix.groupType[v>>6]&(1<<(v&63)) != 0
}
