package text

// English reports whether the document reads as English, from its
// commonest function words: truce's dictionaries and patterns are English,
// and coding a French or Spanish article with them gives nonsense ("Le
// gouvernement se défend" read as "defend"). A text with too few function
// words to tell (a headline, a list of names) counts as English.
func (d *Document) English() bool {
	var other [len(foreign)]int
	english := 0
	for _, s := range d.Sentences {
		for _, t := range s.Tokens {
			if t.Kind != Word {
				continue
			}
			if englishWords[t.Norm] {
				english++
			}
			for i, lang := range foreign {
				if lang[t.Norm] {
					other[i]++
				}
			}
		}
	}
	most := 0
	for _, n := range other {
		most = max(most, n)
	}
	if english+most < 8 {
		return true
	}
	// English wins unless another language's words clearly outnumber it.
	return english*2 >= most
}

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
