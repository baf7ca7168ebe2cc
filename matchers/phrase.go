package matchers

// phraseRareDF: a listed name is distinctive enough to be recognised
// inside a longer query when one of its words is in at most this many
// names of the lists. 32 on the tuning part of the development set (16
// finds three tune-a pairs and one tune-b pair fewer); at 64 two
// innocent SEC names sharing two words with a listed firm ("Golden Star
// Enterprises Ltd." / GOLDEN STAR CO: golden is in 61 names) crossed
// the threshold.
const phraseRareDF = 32

// listedPhrase reports whether an organisation's listed name stands
// whole inside the query: its parts other than legal forms, two or more,
// each aligned at minSim or better with a query part, and those query
// parts side by side in the listed order (legal forms between them
// allowed), one of them a rare word (phraseRareDF) matched exactly.
// Publishers and clerks add what a firm does or is to its name, or a
// word of its country ("KHAZAR STEEL ROLLING" / KHAZAR STEEL CO., "Kore
// Kuryonggang Trading Corporation" / Kuryonggang Trading Corporation,
// "ANO DPO UCHEBNYI TSENTR ESHELON" / UCHEBNY TSENTR ESHELON, ANO); the
// listed name itself, a phrase with a rare word in it, is the evidence,
// so the query's extra words count Tuning.PhraseExtra of their weight
// (scoreName), as a person's extra middle name does. A phrase of common
// words is shared by unrelated firms ("Golden Star Enterprises Ltd." /
// GOLDEN STAR CO, "Newton Digital Solutions Inc" / JSC Digital
// Solutions), and a rare word matched only as a sound-alike ("CROSS
// Group Holdings" / LA CROSSE GROUP INC) is no evidence of the phrase.
// An extra GROUP or HOLDING names the group of firms the listed one may
// belong to, or another group with a like name ("Silver Technology
// Group Ltd" / SILVER TECHNOLOGY LIMITED, "Element Group Holdings, Inc."
// / ELEMENT GROUP), not the firm: such a word keeps its full weight
// (groupWord).
func (ix *Index) listedPhrase(s *scratch, nt []nameTok, minSim float32) bool {
	al := &s.al
	parts, last := 0, int8(-1)
	rare := false
	for j := range nt {
		if nt[j].kind == TokLegal {
			continue
		}
		i := al.nm[j]
		if i < 0 || al.qs[i] < minSim || al.how[i] == alignInitial || i < last {
			return false
		}
		if last >= 0 {
			for k := last + 1; k < i; k++ {
				if s.q[k].kind != TokLegal {
					return false // query words between the listed ones
				}
			}
		}
		last = i
		parts++
		rare = rare || (al.qs[i] == 1 && ix.voc.df[nt[j].v] <= phraseRareDF)
	}
	return parts >= 2 && rare
}

// queryOpen reports whether a query part other than a legal form is left
// unaligned.
func queryOpen(s *scratch) bool {
	for i := range s.q {
		if s.al.qm[i] == -1 && s.q[i].kind != TokLegal {
			return true
		}
	}
	return false
}

// groupWord reports whether a query word, normalised, names a group of
// companies: group and holding, in any of the spellings orgwords.go folds
// to them (GRUPPA, Holdings, KHOLDING).
func groupWord(text string) bool { return text == "group" || text == "holding" }
