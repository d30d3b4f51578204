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
//     place follows ("police in Moscow", "guerrillas operating in
//     Macedonia") or a pronoun's antecedent gives the country ("their
//     government" after Armenians = ARMGOV). A capital before an agent is
//     its country ("the Khartoum government" = SDNGOV).
//   - An agent word that is also an adjective, before a noun of a thing or
//     an act, is no actor: "Azerbaijan's military operation" is the
//     actor Azerbaijan. After such an adjective the next agent is the head
//     ("government forces" = MIL, "opposition leader" = OPP).
//   - Coordinated names before one person stand alone ("Syria and
//     Palestinian leader Yasser Arafat": SYR, then the person);
//     coordinated demonyms before a plural agent make one mention each.
//   - "leaders of X", "members of X", "representatives of X" are one
//     mention with X's code; of a region's ethnic community, the region's
//     breakaway authority. "the main rebel group, the FDD," is the group.
//   - Ethnic groups are coded where they live: the place after them, else
//     the country the article is clearly about ("ethnic Albanian
//     guerrillas operating in Macedonia" = MKDREB); a state's demonym beside
//     a stateless people gives its country ("Iraqi Kurds" = IRQCVL).
//   - A capitalised word no dictionary knows, one letter (not the first)
//     from a country's name or demonym of seven letters or more, is that
//     ("Ethopia"); a known person's first names with a surname one letter
//     off are that person ("Francois Mitterand"). Former names of states
//     (Zaire, the Soviet Union, Yugoslavia) are the state that continues
//     them; a country's name after "anti-" or "pro-", or before "$", is no
//     actor.
//   - A person resolves by the article's date to the tenure that holds
//     (of two people of one name, the one in office); outside every
//     tenure, the title the text gives picks the tenure it names
//     ("President Yeltsin", "General Michel Aoun"), else, or when called
//     "former", they are an elite of their country (CAMEO ELI, as
//     PETRARCH's Phoenix dictionaries code former leaders) with Former
//     set. An unknown person after a title takes the country of a
//     possessive or demonym before it, the organisation before it ("Arab
//     League Secretary-General ..."), else the country the article is
//     clearly about. A surname alone names a person the
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
//     the previous sentence when they agree, "its" to the countries and
//     bodies named before it in the sentence when they are of one country.
//   - Places prefer the countries the article is about (countries, regions
//     and unambiguous places, the lead counting more), then capitals and
//     seats, then population; "X, Country" restricts. An unqualified town
//     of the US or Canada, which news would write with its state, gets no
//     such preference over a bigger place abroad ("Geneva"). A country's
//     name after a place preposition is a place, past direction words ("in
//     southeastern Serbia"); a place of a state that later split is the
//     old state's before the split (Juba in 1995 is Sudan's). Names that are
//     common words or first names (notplaces.txt) are places only after a
//     place preposition or before ", Country". Georgia is the country unless
//     the text points at the US state.
package gazetteer
