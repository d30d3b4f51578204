package text

// English reports whether the document reads as English, from its
// commonest function words: truce's dictionaries and patterns are English,
// and coding a French or Spanish article with them gives nonsense ("Le
// gouvernement se défend" read as "defend"). A text with too few function
// words to tell (a headline, a list of names) counts as English.
func (d *Document) English() bool {
	var counts [len(foreign) + 1]int // English, then the others
	for _, s := range d.Sentences {
		for _, t := range s.Tokens {
			if t.Kind != Word || !functionWordSet.At(&t) {
				continue
			}
			for bits := functionWords[t.Norm]; bits != 0; bits &= bits - 1 {
				counts[bitIndex(bits)]++
			}
		}
	}
	english, most := counts[0], 0
	for _, n := range counts[1:] {
		most = max(most, n)
	}
	if english+most < 8 {
		return true
	}
	// English wins unless another language's words clearly outnumber it.
	return english*2 >= most
}

// bitIndex returns the index of the lowest bit set.
func bitIndex(bits uint8) int {
	i := 0
	for bits&1 == 0 {
		bits >>= 1
		i++
	}
	return i
}

// functionWordSet gates functionWords: most words are no function word.
var functionWordSet = Keys(functionWords)

// functionWords maps each counted word to its languages, one bit each:
// English first, then the foreign ones in order. One lookup a token.
var functionWords = func() map[string]uint8 {
	m := map[string]uint8{}
	for w := range englishWords {
		m[w] |= 1
	}
	for i, lang := range foreign {
		for w := range lang {
			m[w] |= 1 << (i + 1)
		}
	}
	return m
}()

func wordSet(words ...string) map[string]bool {
	m := make(map[string]bool, len(words))
	for _, w := range words {
		m[w] = true
	}
	return m
}

// The function words counted, normalised as tokens are (lower case,
// diacritics folded). Words shared between languages ("a", "la", "que",
// "en") are left out of both sides or kept where only one language uses
// them often, and so are words of names in English news ("al-Shabab",
// "el-Sisi", "Kim Jong Il").
var (
	englishWords = wordSet("the", "of", "and", "to", "in", "is", "that", "for", "on", "with", "was", "as",
		"by", "it", "said", "has", "have", "are", "from", "at", "be", "this", "were", "an", "will", "not",
		"which", "after", "who", "its", "their", "had", "been", "would", "but")
	foreign = [...]map[string]bool{
		// French
		wordSet("le", "les", "des", "du", "et", "est", "une", "dans", "qui", "pour", "sur", "pas",
			"au", "aux", "avec", "cette", "sont", "ont", "ete", "elle", "mais", "leur", "selon"),
		// Spanish
		wordSet("los", "las", "del", "y", "por", "con", "para", "una", "es", "su",
			"como", "mas", "pero", "sus", "fue", "segun", "esta"),
		// German
		wordSet("der", "die", "das", "und", "ist", "nicht", "mit", "den", "von", "zu", "ein", "eine",
			"auf", "fur", "dem", "sich", "auch", "wurde", "nach"),
		// Portuguese
		wordSet("os", "da", "dos", "das", "em", "com", "uma", "nao", "na", "pelo", "pela",
			"foi", "seu", "sua", "mais", "segundo"),
		// Italian
		wordSet("gli", "di", "che", "della", "dei", "delle", "sono", "anche", "nel", "nella",
			"alla", "piu", "secondo"),
	}
)
