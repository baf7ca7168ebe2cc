// Package matchers finds restricted-party list entries for the names written
// on shipments. It knows nothing of batches or files: the pipeline hands it
// one distinct name at a time, from many goroutines, and writes what it
// returns. Two matchers sit in one table (Kinds): "aligned", the default,
// described here, and "naive-jw", the token-sorted Jaro-Winkler baseline it
// is measured against (package eval, `dualscreen eval`).
//
// # Algorithm
//
// Normalise (normalise.go) each list name once when the index is built and
// each query name once per call: NFKC and case folding; Cyrillic (Russian,
// Ukrainian or Belarusian conventions, told apart by the letters only one
// of them has), Greek, Arabic, Persian, Hebrew, Armenian, Georgian, Han
// (pinyin, one token per syllable) and Hangul (decomposed algorithmically)
// romanised into Latin; diacritics removed; legal forms in any language or
// script folded to a class token ("ООО", "OOO", "Limited Liability
// Company", "GmbH", "有限公司" → llc), long words of a legal form written
// with a slip (COMMPANY) included where the rest of the phrase is right,
// and so are the Russian and Belarusian types of enterprise written as
// abbreviations (NPO, NPP, NII, OKB, RUP, "Republican Unitary
// Enterprise"), which publishers keep or leave out like a legal form
// (those of a few letters, and ambiguous forms such as AO or TC, only when
// the rest of the name has a part that is neither a legal form nor an
// organisation word: "TC Energy Corp" is a firm called TC Energy);
// standard spellings of one given name folded to one (Mohamed / Muhammad,
// Sergei / Serhiy, Korean Jo / Cho, Ri / Lee, chin / jin), with a
// particle or a Muhammad joined to the next part split off (Abdelkader →
// abd kader, Mohammadreza → muhammad reza), and so are al-Din and Allah
// joined to the part before (Shamsuddin, Atiqullah); the words organisation names
// are made of folded with their inflections, romanised forms and
// abbreviations (orgwords.go: technologies / tekhnologii, zavod / plant,
// SHPG / shipping), and in an organisation's name the adjective of a place
// name cut to its stem (Zelenogradsky / Zelenograd) and a coined "tekh"
// written "tech" (MIKROTEKH / MICROTECH); particles (al,
// bin, de), connecting words (in, named after, branch office) and titles
// (Haji, Dr, Mullah) removed. Name order is not normalised: tokens are
// aligned as a bag.
//
// Split a field into the names it holds (namevariants.go), on the list
// side and the query side alike, and keep each entry's best: several names
// separated by ";" or " / "; a trailing parenthesis, as the name without
// it and, when it holds two or more words or an acronym of four or more
// letters of the rest, as a name of its own ("Korea Kwangson Banking
// Corporation (KKBC)"); "PARENT, LEGAL-FORM NAME" and "GROUP LEGAL-FORM,
// SUBSIDIARY" (two words or more after the comma that are not places) as
// the subsidiary and the parent; a name written in Latin and another
// script as each writing;
// "X c/o Forwarder" as X; a name with a dedication to a person as the name
// without it too, when the rest has a legal form and a word of its own
// (dedication.go: "NPP START IM. A. I. YASKINA AO" / "NPP Start"); and, on
// the list's side, a Russian type of enterprise written out also read as
// its abbreviation (spelttypes.go: "NAUCHNO-PROIZVODSTVENNOYE OBYEDINENIYE
// RADIOVOLNA" / "NPO RADIOVOLNA"). These derived names need a word in at
// most 32 published names and count in no document frequency. A name taken
// out of a longer one by a parenthesis, a comma or a script is kept only
// when it holds a word of its own, neither a legal form, a place nor an
// organisation word (namesAParty): "RUNNING BROOK, LLC (USA)" is not also
// "LLC (USA)".
//
// Gather candidates (index.go, query.go). Every name token is interned to
// an int32 and weighed by its inverse document frequency over all names.
// For each query token the index finds vocabulary tokens that are equal,
// one or two edits away (a symmetric deletion neighbourhood stored by hash),
// share a spelling key (phonetic.go: the same word spelt two ways, vowels
// kept: Kardiam / Cardiam, Iwanow / Ivanov; tokens of six letters or more),
// share a romanisation key (romankeys.go: a listed word of a Cyrillic-script
// entry written as the romanisations write it, against the Latin brand or
// English spelling of the same word: Dux / DUKS, ENICS / ENIKS, CMRBank /
// TSMRBANK; from four letters, acronyms left out; a match resting on such
// a pair between companies of incompatible legal kinds is not complete:
// Macro Group Inc. / OOO MAKRO GRUPP)
// or a phonetic skeleton (Sergejewitsch / Sergeevich, محمد / Muhammad), and
// adjacent tokens written together, either way round (Petro China /
// PetroChina, Nirumandtumaj / NIRUMAND TUMAJ). Their postings add
// similarity × IDF to each name's evidence; tokens in more than 2% of
// names (and at least 64) add only to names the rarer ones found, when the
// query has a rarer word of its own or an unknown word with a rare
// neighbour. Entries are ranked by
// their best name's evidence less a fifth of the name's weight that
// gathered nothing (Tuning.CandidateGap), so that among the many names
// sharing a query's rare token those made of little else come first, and
// the names of the best 24 entries are scored (more when the best are all
// tied: the same name on thirty entries is reported thirty times), and
// those of the two best entries left out that hold the query's rarest
// word (five letters or more, in at most 64 names; reserve.go): a query
// of generic words and one distinctive word otherwise ranks first the
// dozens of entries sharing the generic words ("JOINT STOCK COMMERCIAL
// BANK NOVIKOMBANK" never reached "Novikombank").
//
// Score (score.go) by aligning the query's tokens with the name's: token
// pairs are scored (exact 1; the same spelling key 0.95; sound-alike or
// misspelt by the mean of Jaro-Winkler and Levenshtein similarity, one
// transposition counting as one edit, lifted halfway to 0.9 for a shared
// phonetic key and first letter, lowered by 0.05 for a spelling difference
// that is no sound-alike; an initial 0.75 against a word it begins; legal
// forms 1 or 0.6 across classes; in a query with a legal form, a word of
// three letters or fewer without a vowel, an abbreviation, only 1 for the
// same word: abbrev.go) and assigned greedily, best first, one to
// one; leftovers may pair a word with two adjacent words, in an
// organisation's name a word of three to six letters with the run of
// words whose initials spell it, either way round, at 0.8 (acronyms.go:
// OOO TPK ARGUS NV / Torgovo Promyshlennaia Kompaniia Argus NV), and
// words still left on both sides are compared directly (leftovers.go):
// spellings two changes apart that the index's neighbourhood misses
// (Udomdech / Udomdet), or whose letters differ only within a sound
// class, at their sound similarity when that is 0.9 or more (soundsim.go:
// Suqayr / Sughayr; vowels count as full edits), in a person's name short words one slip apart with the first
// letter kept (Phil / P'il), and a word cut short or the first part of a
// compound against the word it begins, 0.75 (Kakha / Kakhaber, Baloch /
// Balochistan; not Smith / Smithson). A query written in pinyin (every
// word, two or more, one to three pinyin syllables) against a name written
// in pinyin or Han characters aligns words only when equal, written
// together, or close in letters: distinct syllables are distinct
// characters, so no sound-alike, slip, short form or leftover (pinyin.go:
// "YANG LIN" / "Lian Yang"). A Chinese person's name written in
// Wade-Giles or with a Hong Kong surname (a word pinyin does not write,
// Hsu, Tsai, Wong, Lee, or a hyphenated given name) has its words read as
// the pinyin syllables they stand for, and aligns at 0.95 with a listed
// Chinese name in pinyin or Han characters, and a listed name so written
// with a pinyin query, when the readings cover the whole name
// (wadegiles.go: "HSU, Kuo-chiang" / "XU, Guoqiang"). The raw score is
// matched query weight over the query's weight plus a fifth of the listed
// name's unmatched weight (0.6 of it when the query names a company; 0.4
// when a person's query and listed name each keep a part of their own
// that cannot be one written two ways, conflict.go: "Erick Rodolfo" /
// "ERICK SAMUEL"); an
// extra query part counts half when the entry is a person whose every
// listed part is aligned (a middle name the list leaves out), and when
// an organisation's listed name, two words or more with a rare one
// (in at most 32 names) matched exactly, stands whole and in order in
// the query (phrase.go: "KHAZAR STEEL ROLLING" / KHAZAR STEEL CO.; an
// extra GROUP or HOLDING, which names a group of firms, still counts
// fully). A match that is not complete (every part on both sides aligned
// at 0.9 or better) is multiplied by 1-exp(-matched/(4.6 × the weight of a
// token seen once)): partial matches need several rare parts. The result is
// calibrated piecewise linearly so that 0.85 (DefaultThreshold) sits at the
// operating point chosen on the tuning part of the development set, then
// adjusted: ×0.7 for a company-like query against a person (×0.95 when the
// person's whole name is there: "ABSALAN, Parviz LLC"), ×0.9 for a weak
// alias, ×0.9 for a match that is not complete between companies of
// incompatible kinds (legalkinds.go: a corporation and a limited company,
// "IRON MOUNTAIN INC" / "IRON MOUNTAIN ENTERPRISES LIMITED"), ×0.9 for
// one whose sides each name a place the other leaves out (PlaceConflict),
// ×0.6 when both carry numbers that differ, at most 0.8 (GenericCap) when
// the two share no word of the query's own, only places, trades
// (tradewords.go) and legal forms, or when either name is nothing but
// those, and up by 15% of the remaining distance when the query's country
// is among the entry's.
//
// Explain (explain.go) only the hits: the same scorer is re-run on the
// matched name and its alignment written out.
//
// # Complexity
//
// Building the index is linear in the total length of all names, plus a
// sort of the deletion neighbourhood (about ten entries per vocabulary
// token); normalisation runs on all cores. A query costs its normalisation,
// (L+1) hash probes per token of length L, the postings of its similar
// tokens (bounded by the 2% rule), and for each of at most 24 candidate
// entries an alignment that is quadratic in the token counts, which are
// capped at 24. Nothing scales with the number of list entries except
// postings, so the cost per query stays flat as lists grow. Scratch memory
// comes from a pool per index and is reset through touched-slot lists.
// Figures are in eval/README.md and benchmarks/README.md.
//
// Finding each query word's typo and sound-alike neighbours was the
// largest cost, so it is done once per word (tokencache.go): for every
// word of the lists when the matcher is built (0.2 CPU-s, 4 MB), for other
// words on first sight in a bounded cache, and replayed in the recorded
// order, so every float sum and every result is the same. A comparison
// reads one 16-byte record and the runes decoded at build time and skips
// pairs whose lengths alone keep them below MinTokenSim (tokensim.go);
// deletion probes go to an open-addressing table (deltable.go); ranking
// reads a name's evidence, entry and weight from one record. What is left
// is memory-bound: about 700 postings, 460 names and 270 entries touched
// and 35 names scored per query on the benchmark. Measured 2026-11-24
// (session 3) with `go test ./matchers -run '^$' -bench 'Match$'
// -benchtime 20000x -cpu 1 -count 6 -benchmem`, old and new test binaries
// interleaved on a VM whose speed drifted all session: medians of 23,100,
// 18,400, 18,100 and 14,900 names per CPU-second against 11,700, 10,900,
// 9,900 and 9,700 before (the before build did 17,000 at 11:09); 6
// allocations per name against 11. With the machine to itself at 13:11,
// after the recall rules were merged: median 21,900 (19,650–24,220) names
// per CPU-second, 41–50 µs per name. Matches, scores and explanations of
// 20,000 queries and the eval thresholds.csv are byte-identical before
// and after.
//
// Session 6 (issues #4 and #6) cut the cache misses of the memory-bound
// part, again without changing a result: the scorer reads one 16-byte
// record per name token laid out with the name (nametok.go) instead of
// six vocabulary arrays, and asks a 14 KB bitset before the 440 KB slot
// table whether a token has similarities at all (most have none, and then
// pair only with the query's initials); candidates' name and token
// records are read ahead in tight loops (warm) so their misses overlap;
// postings are one flat array with a 12-byte run-and-IDF record per
// token, and the touched list grows without a branch on the evidence; an
// entry's standing during ranking lives in its first name's record; the
// country boost reads interned ids per entry (countries.go) instead of
// three pointers per candidate; an 8 KB bit filter answers most probes of
// the one-letter-slip tables (hashfilter.go); the leftovers take a known
// word's runes and phonetic key from the index. Measured with `-bench
// 'Match$' -benchtime 20000x -cpu 1 -benchmem`, old (main at 84e1195) and
// new test binaries: one after the other, six pairs, with the load
// average at 3-3.6 on the 2 cores, median 23,100 → 29,100 and 24,400 →
// 30,200 names per CPU-second (+24-26%, p=0.002: about 20% less CPU per
// name); started side by side in ten pairs, so that both meet the same
// load (4-8), 13,900 → 20,200 and 14,500 → 22,100 (+45-53%, p=0.001:
// about 31% less; presumably the misses saved cost more when other
// processes share the caches). After merging recall7 (main 8c8f16c),
// one after the other: 22,640 → 28,490 (+26%, p=0.002), and
// Aligned.Match in a profile 40.4 → 32.1 µs per name (−20.5%). So the
// 25% asked for is met only under heavy load. 6 allocations per name as
// before. The index costs 9 MB more (token records, flat postings) and
// about as long to build. Matches, scores and explanations of 20,000
// queries with countries at threshold 0.05 (287,971 matches on main
// 8c8f16c), eval's thresholds.csv and the 1M benchmark's flagged rows are
// byte-identical.
//
// Session 8 (issue #4's margin) took out mispredicted branches and the
// misses left, again without changing a result: entries are ranked
// without branches (rankEntries) and the best kept in a sorted array
// (keepTop) instead of a heap; the scorer stops before the evidence
// factor's exponential when a bound of the score is under the threshold
// (belowFloor); a 64 KB filter answers most probes for two query words
// written together (wordfilter.go); slotBits is asked before slot when
// a word's neighbours are replayed. 15% less CPU per name in the VM's
// fast speed (29,510 → 34,760 names per CPU-second, medians of 37 and 38
// runs), +6% and not significant in its slow one (7 and 6 runs):
// benchmarks/README.md, "Matcher speed, session 8".
//
// # Scoring criteria
//
// Worked pairs, scores as Match reports them on all lists in
// ../shared/data/restricted_parties loaded together (worked_test.go):
//
//   - Scripts: "Сергей Викторович Чемезов" normalises to "sergey
//     viktorovich chemezov"; against "CHEMEZOV, Sergey Victorovich"
//     viktorovich~victorovich are spelt alike (0.95), the rest is equal and
//     the match is complete: 0.998.
//   - Transliteration: "Sergej Wiktorowitsch Tschemesow" against the same
//     name: sergej=sergey (one given name), wiktorowitsch~victorovich 0.77
//     and tschemesow~chemezov 0.76 sound alike; partial, so the evidence
//     factor applies, and it still rests on three parts: 0.862.
//     "Sergej Sergejewitsch Iwanow" / "IVANOV, Sergei Sergeevich": 0.864.
//   - Subset: "Sergei Ivanov" / "IVANOV, Sergei Sergeevich" leaves only a
//     patronymic unmatched, which weighs ×0.4 and counts a fifth on the
//     list side: 0.993. The same word extra in the query would count fully.
//   - Legal forms and scripts: "ООО Концерн Сириус" / "Открытое
//     Акционерное Общество «Концерн «Сириус»": llc~jsc 0.6, concern
//     (kontsern) and sirius equal: 0.999.
//   - Evidence: "Apple Inc." finds only "APOLO INFORMATICA S.A." (apple~apolo
//     0.80, a listed word unmatched): 0.337. "Petrochina Trading" / "PARS
//     PETROCHINA COMPANY" shares one rare word and leaves one on each side:
//     0.597.
//   - Numbers: "Sea Star 8" reaches "Beijing 8-Star International Co." at
//     0.773 on two parts; against a vessel "SEA STAR 7" the differing
//     numbers would cost ×0.6 (aligned_test.go).

// # Known weaknesses
//
//   - Acronyms and translations are not names of each other here, except
//     an acronym the list itself gives in parentheses, the organisation
//     words of orgwords.go, and an acronym of a run of words in a name the
//     rest of which brought the entry among the candidates (acronyms.go;
//     an acronym alone finds nothing): "BNC" / "Banco Nacional de Cuba", "NPP" /
//     "Research and Production Enterprise", "Moroccan Islamic Combatant
//     Group" / "Groupe Islamique Combattant Marocain" (the last partly,
//     through sound-alike tokens), and a short word the lists themselves
//     write for another in three or more firms' names (wordpairs.go: UEC /
//     ODK, the English and Russian acronyms of the United Engine
//     Corporation).
//   - Spelling keys make short names spelt alike the same word: "MARCUS
//     CORP" / "OOO MARKUS" and "Lazard" / "LASSARD" are flagged (0.98).
//     They are namesakes, which only other evidence can clear.
//   - Abjad romanisation without vowels relies on the phonetic key, whose
//     short skeletons collide; lifting only halfway limits the damage but
//     also the recall on short Arabic names.
//   - Chinese names romanised per syllable match Latin spellings only when
//     syllables join ("xi jin ping" / "XI Jinping"); Chinese company names
//     do not match their English names. A query written in Han characters
//     matches syllables only exactly, and its score is scaled down when
//     less than Tuning.HanShare (0.8) of its syllables align in runs of two
//     or more: Chinese firm names share the city and the trade (深圳, 光电,
//     电子), so without this an innocent 深圳市瑞丰光电科技有限公司 scored
//     0.88 against a listed 深圳金鸿光电有限公司 (the demo flagged 2,380
//     rows on such pairs; 282 with it, for 292 planted). Homophones and
//     names that differ in one of three words (北京天成科技 / 北京天美创科技)
//     remain: pinyin cannot tell 津 from 金, and characters are never
//     compared.
//   - The evidence factor favours long names: two short common name parts
//     that match partially ("Ali Hassan" in a longer name) score low, which
//     is the intent for screening but misses people named only that way.
//   - A name of another language whose every word reads as pinyin
//     ("Rida Ali", the Korean "Ri Su Yong") is taken for pinyin against
//     a pinyin or Han name: its words then align by letters only, so a
//     romanisation variant that is also pinyin is missed there; so is a
//     Wade-Giles or Cantonese name with no word outside pinyin and no
//     hyphen ("KUO, Taiming", "CHAN, Wai Ming"), and a Cantonese given
//     name, which only the characters tell. A query
//     and a listed name that each keep a part of their own are lowered
//     (conflict.go) even when the list wrote another surname for the same
//     person; a spelling the skeleton does not fold (Kadhim / Kazim) is
//     taken for a second name.
//   - Calibration and weights come from one development set (eval package)
//     whose innocent names are US-listed companies; other populations of
//     names may flag at a different rate.
package matchers
