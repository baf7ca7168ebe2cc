package matchers

// A person's listed name that lacks a part of the query is often the same
// person written shorter (a middle name or second surname left out:
// Tuning.PersonExtra), and one that has a part the query lacks is too
// (Tuning.ListGap). When both happen at once, each side names someone
// the other does not: "Erick Rodolfo González Chávez" and "ERICK SAMUEL
// CHAVEZ GONZALEZ" are two men of one family, the given names Rodolfo and
// Samuel telling them apart. That is evidence against the match as
// strong as an extra query part, so the listed name's conflicting part
// then counts as fully as the query's (Tuning.ConflictGap).
//
// Unless the two parts may be one name part romanised two ways, which
// the alignment missed: "Moussa Ben Amor" / "Moussa Ben Omar", "Jamal
// Eddine" / "Jamaleddine" (din / eddine), "Aminollah" / "Amin Ala"
// (ullah / ala). Those keep one sound skeleton (phoneticKey), once a
// leading vowel, which articles (ed-, al-) and romanisations (Umar /
// Omar) add or change, is set aside; Rodolfo (rdlf) and Samuel (sml) do
// not.

// conflictingParts reports whether, in the alignment of the query with
// listed name nt, both leave a word unaligned (patronymics of the list
// aside) and no word unaligned in the query shares its sound skeleton
// (vowel-led aside) with one unaligned in the name.
func (ix *Index) conflictingParts(s *scratch, nt []nameTok) bool {
	al := &s.al
	listed := false
	for j := range nt {
		if al.nm[j] == -1 && nt[j].kind == TokWord && !nt[j].patronymic {
			listed = true
			break
		}
	}
	if !listed {
		return false
	}
	query := false
	for i := range s.q {
		if al.qm[i] != -1 || s.q[i].kind != TokWord {
			continue
		}
		query = true
		qk := s.skeleton(i)
		for j := range nt {
			if al.nm[j] != -1 || nt[j].kind != TokWord || nt[j].patronymic {
				continue
			}
			if string(qk) == consonantSkeleton(ix.voc.key[nt[j].v]) {
				return false
			}
		}
	}
	return query
}

// consonantSkeleton is a phonetic key without the "a" phoneticKey writes
// for a leading vowel: Umar and Omar are "amr", Amor "amr", Eddine "adn"
// and Din "dn".
func consonantSkeleton[T string | []byte](key T) T {
	if len(key) > 1 && key[0] == 'a' {
		return key[1:]
	}
	return key
}

// skeleton returns the consonant skeleton of query token i, computed for
// all the query's tokens on the first call of a query (reset clears
// them): a query's candidates ask again and again.
func (s *scratch) skeleton(i int) []byte {
	if !s.skelReady {
		s.skel = s.skel[:0]
		for k := range s.q {
			start := len(s.skel)
			s.skel = phoneticKey(s.skel, s.q[k].text)
			s.skel = append(s.skel[:start], consonantSkeleton(s.skel[start:])...)
			s.skelEnd[k] = int32(len(s.skel))
		}
		s.skelReady = true
	}
	start := int32(0)
	if i > 0 {
		start = s.skelEnd[i-1]
	}
	return s.skel[start:s.skelEnd[i]]
}
