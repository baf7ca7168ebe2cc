package matchers

// nameTok is what the scorer reads of one token of one indexed name, kept
// beside the name's other tokens (Index.ntok, parallel to Index.toks). The
// scorer visits a candidate name's tokens several times (pairs, joined
// words, leftovers, weights, completeness, numbers); read from the
// vocabulary's arrays each visit cost a cache miss per array per token,
// since the vocabulary (110,000 tokens) is larger than the cache. Here a
// ten-token name is three cache lines, read once.
type nameTok struct {
	v   int32   // vocabulary id
	idf float32 // ix.voc.idf[v]
	key int32   // ix.voc.keyID[v]
	// kind, patronymic, first and tlen are ix.voc.kind[v],
	// ix.voc.patronymic[v], ix.first[v] and ix.tlen[v].
	kind       TokenKind
	patronymic bool
	first      uint8
	tlen       uint8
}

// buildNameToks fills ix.ntok from ix.toks once the vocabulary's arrays
// (idf, keyID, kind, patronymic, first, tlen) are final.
func (ix *Index) buildNameToks() {
	ix.ntok = make([]nameTok, len(ix.toks))
	for k, v := range ix.toks {
		ix.ntok[k] = nameTok{v: v, idf: ix.voc.idf[v], key: ix.voc.keyID[v], kind: ix.voc.kind[v],
			patronymic: ix.voc.patronymic[v], first: ix.first[v], tlen: ix.tlen[v]}
	}
}
