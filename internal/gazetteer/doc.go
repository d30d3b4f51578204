// Package gazetteer recognises who and where in news text and resolves it:
// countries, demonyms, agents and sectors, named people with dated roles,
// armed groups and breakaway authorities, international organisations,
// conflict regions, first-level administrative regions and the GeoNames
// populated places, geocoded with disambiguation by the article's context.
//
// Its data is embedded (see data/README.md): dictionaries in truce's
// one-line format (internal/dict), countries.txt and places.bin generated
// from pinned npm packages by generate.sh, the rest written by hand. Load
// reads it, then the user's dictionary directories (--dict), whose files
// named like the embedded ones add or override entries and whose
// PETRARCH/TABARI actor and agent dictionaries are recognised by content.
//
// Mentions is what the event coder calls. The decisions it makes:
//
//   - Longest match wins; a name inside a longer one is not matched again;
//     a possessive 's is left out of the span.
//   - A country's name is one mention of type actor with the country's
//     point (precision country); after a place preposition ("in Armenia")
//     its type is place. A demonym carries the country but no point.
//   - A capital that is the subject or object of a political verb, or in
//     "talks with X", "X as an ally", "X's position", is one mention of
//     type actor (the government, RUSGOV) with Metonymy set and the city's
//     place fields; elsewhere it is a place.
//   - A plural people noun is civilians ("Armenians" = ARMCVL); a country,
//     demonym or possessive before an agent gives country plus sector
//     ("Azerbaijani troops" = AZEMIL); an agent alone is ---SECTOR unless a
//     place follows ("police in Moscow" = RUSCOP) or a pronoun's antecedent
//     gives the country ("their government" after Armenians = ARMGOV).
//   - A person resolves by the article's date to the tenure that holds;
//     outside every tenure, or called "former", they are an elite of their
//     country (CAMEO ELI, as PETRARCH's Phoenix dictionaries code former
//     leaders) with Former set. A surname alone names a person the
//     dictionary marks short=, or one named in full earlier in the article.
//     An apposition's role ("David Babayan, an adviser to ...") codes an
//     unknown person, and a known one the dictionary has out of office.
//   - "ethnic Armenian officials", "Karabakh Armenian officials",
//     "separatist authorities", "representatives of Nagorno-Karabakh's
//     ethnic Armenian community" are the breakaway authority of the region
//     the article names whose ethnicity matches (regions.txt actor=), never
//     the kin state's government.
//   - Pronouns resolve only where unambiguous: he/she to the last person
//     within two sentences, they/their to the plural actors of the same or
//     the previous sentence when they agree.
//   - Places prefer the countries the article is about (countries, regions
//     and unambiguous places, the lead counting more), then capitals and
//     seats, then population; "X, Country" restricts. Names that are
//     common words or first names (notplaces.txt) are places only after a
//     place preposition or before ", Country". Georgia is the country unless
//     the text points at the US state.
package gazetteer
