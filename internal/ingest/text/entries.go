package text

import (
	"strings"
	"unicode/utf8"

	"github.com/lettergraph/lettergraph/internal/domain"
)

// The entries of a list (a copy list, a header's value, an open letter's addressee):
// how a list's line divides into entries, and the party each entry names.

// dropAddressee drops the words that address an entry ("Al Sig. Prefetto di Pavia",
// "An die Stadtverwaltung"), when they are more than one letter: "A. Smith" keeps
// its initial.
func dropAddressee(s string) string {
	f := foldLine(s)
	if n, ok := lex.prefix(secAddresseePrefix, f); ok && n < len(f.w) && len([]rune(strings.Join(f.w[:n], ""))) > 1 {
		return f.after(n)
	}
	if len(f.w) > 2 && lex.words[secArticle][f.w[0]] {
		// "den Herrn Dekan der …" after "Abschrift an": the article of an honorific.
		if _, hon := lex.prefix(secHonorific, fwords{w: f.w[1:], end: f.end[1:], src: f.src}); hon {
			return f.after(1)
		}
	}
	return s
}

// titleAddressee reads the addressee a title names after an addressee cue ("An open
// letter to", "Lettre ouverte à", "To the Members of"), up to what the letter is about
// (a topic cue: "on", "sur", "sobre"): "An open letter to the Minister of Culture of
// the Republic of Lithuania on the future of …" is the office.
func titleAddressee(title string) (party, bool) {
	f := foldLine(title)
	n, ok := lex.prefix(secAddresseePrefix, f)
	if !ok || n == len(f.w) {
		return party{}, false
	}
	who := f.after(n)
	for k := n + 1; k < len(f.w); k++ {
		if _, ok := lex.prefix(secTopic, fwords{w: f.w[k:], end: f.end[k:], src: f.src}); ok {
			who = f.upto(k)[len(f.upto(n)):]
			break
		}
	}
	p, ok := entry(who)
	// A title's words after "to" are often no one ("Open letter to all who care"):
	// only a person, an office or a body that says what kind it is.
	if o := p.in.Organisation; !ok || o != nil && o.Kind == "" && o.Acronym == "" && !isOrgText(o.Name) {
		return party{}, false
	}
	return p, true
}

// entry reads one entry of a list (a copy list, a header's value, an open letter's
// addressee): a person, an office or an organisation, with the title and organisation
// written with a person.
func entry(s string) (party, bool) {
	s = cleanEntry(s)
	if s == "" {
		return party{}, false
	}
	s, emails := takeEmails(s)
	if f := foldLine(dropLeadingArticle(s)); len(f.w) > 0 {
		if n, ok := lex.prefix(secMembersOf, f); ok && n < len(f.w) {
			// The members of a body stand for it, and it is a body ("die Mitglieder des
			// Stadtrates": the council, not a councillor).
			body := nominative(dropLeadingArticle(f.after(n)))
			return party{in: domain.PartyInput{Organisation: orgNamed(body)}}, true
		}
	}
	if s == "" {
		if len(emails) == 0 {
			return party{}, false
		}
		return party{in: domain.PartyInput{Person: &domain.PersonInput{Name: emails[0], Emails: emails}}}, true
	}
	if m := esquire.FindStringIndex(s); m != nil && isPersonText(s[:m[0]]) {
		return personParty(s, emails), true // "E. W. Pritchard, Esq."
	}
	if mediaGroup[fold(s)] {
		org, _ := parseOrganisation(s, false) // "The Media", whatever the letter calls it
		p := party{in: domain.PartyInput{Organisation: org}}
		if len(org.Aliases) > 0 {
			p.in.Written = s
		}
		return p, true
	}
	if long, acr, ok := acronymForm(s); ok && (!isPersonText(long) || len([]rune(acr)) >= 3) {
		// "ASILA (Association for Supporting Iranians Living in Albania)"
		return party{in: domain.PartyInput{Organisation: &domain.OrganisationInput{Name: long, Acronym: acr, Kind: orgKind(long)}}}, true
	}
	// "Name (Department or Title)", before the office grammar, which would read
	// "Colin Abernethy (Winter Service" as an organisation before its "Coordinator)".
	if open := strings.Index(s, "("); open > 0 && strings.HasSuffix(s, ")") {
		name := strings.TrimSpace(s[:open])
		inner := strings.TrimSpace(s[open+1 : len(s)-1])
		if isPersonText(name) && !strings.ContainsAny(name, ",،") { // "Dr X, Pro-Vice-Chancellor (Education)" is a name and its title
			p := personParty(name, emails)
			if isTitleText(inner) {
				p.setFunction(inner) // "Name (Title, Organisation)" is a member of it
			}
			return p, true
		}
		if isOrgText(name) && !isOrgText(inner) {
			org, _ := parseOrganisation(s, true)
			if org != nil {
				return party{in: domain.PartyInput{Organisation: org}}, true
			}
		}
	}
	if first, _, _ := strings.Cut(s, ","); isPersonText(first) && first != s {
		// "Keith Barraclough, Senior Traffic Examiner, Office of …": a name first is
		// read below as a name and its function, not as an office.
	} else if o, ok := parseOffice(s); ok && o.of != nil {
		// The English and Persian office grammar knows states by their adjectives
		// and names: "Albanian Foreign Minister", "Minister of Interior of Albania".
		return officeParty(o), true
	}
	// "Name, Title[, Organisation]" and "Name — Title, Organisation"
	for _, sep := range []string{" — ", " – ", " - ", ",", "،"} {
		l, r, ok := strings.Cut(s, sep)
		if !ok || !isPersonText(l) || lex.is(secOrganisationWord, trimPunct(r)) {
			continue // "HOTELES COSTA DORADA, S.L.": a company's name and its form
		}
		p := personParty(l, emails)
		p.setFunction(r)
		return p, true
	}
	// "Name Title …" without a comma, as Persian and Arabic write it: "رحیم نادری معاون
	// شهرسازی شهرداری شیراز".
	if h, bare := splitHonor(s); bare != "" {
		if f := foldLine(bare); len(f.w) >= 3 {
			for k := 2; k <= 4 && k < len(f.w); k++ {
				name, rest := f.upto(k), f.after(k)
				if isPersonText(name) && isTitleText(rest) && !isPersonText(rest) {
					p := personParty(strings.TrimSpace(h+" "+name), emails)
					p.setFunction(rest)
					return p, true
				}
			}
		}
	}
	// "Title Name" ("Директору по персоналу Смирновой О.В.", "Prime Minister Edi
	// Rama"): a person's name ends the entry.
	if f := foldLine(s); len(f.w) >= 3 && isTitleText(s) && !strings.ContainsAny(s, ",،") {
		for k := len(f.w) - 1; k >= max(1, len(f.w)-4); k-- {
			if k > 1 && len([]rune(f.w[k-1])) == 1 && strings.HasPrefix(strings.TrimSpace(f.src[f.end[k-1]:]), ".") {
				continue // "Г.П. Кудрявцеву": not from the second initial
			}
			title, name := f.upto(k), f.after(k)
			if nameParticles[f.w[k]] {
				continue // "le Maire de Villeneuve": "de Villeneuve" is no name
			}
			initials := strings.Contains(name, ".") && hasFullWord(name) // "Смирновой О.В."
			if isTitleText(title) && isPersonText(name) && !orgConnectors[f.w[k-1]] && (!isOrgText(title) || initials) &&
				(initials || len(strings.Fields(name)) >= 2 && hasCase(name)) {
				p := personParty(name, emails)
				p.setFunction(title)
				return p, true
			}
		}
	}
	// "Title Name" ("Prime Minister Edi Rama") is left to the old grammar's
	// titleThenName; a title alone, or with its organisation, is an office.
	if isPersonText(s) {
		return personParty(s, emails), true
	}
	if isTitleText(s) {
		if p, ok := titleThenName(s, emails); ok && p.in.Person != nil {
			return p, true
		}
		title, org := splitTitleOrg(dropTitleArticle(stripHonorifics(s)))
		o := &domain.OfficeInput{Title: title}
		if org != "" {
			o.Of = orgNamed(org)
		}
		return party{in: domain.PartyInput{Office: o}}, true
	}
	if org, at := withoutLocation(s); at {
		s = org // "Ministère de l'Intégration africaine …, Dakar", "ديوان المحاسبة – دولة الكويت"
	}
	if org, ok := parseOrganisation(s, false); ok {
		// States, governments ("the Albanian government"), acronyms, kinds.
		return party{in: domain.PartyInput{Organisation: org}}, true
	}
	if startsLower(s) && !isOrgText(s) {
		return party{}, false // "dossier individuel de l'agent": no one, named so
	}
	name := dropLeadingArticle(stripHonorifics(s))
	return party{in: domain.PartyInput{Organisation: orgNamed(name)}}, true
}

// withoutLocation cuts where an organisation is from the end of its entry: ", Dakar",
// " – الرباط", " – دولة الكويت" (a town or a country after a comma or a dash, when
// what stands before it names an organisation).
func withoutLocation(s string) (string, bool) {
	for _, sep := range []string{" – ", " — ", " - ", ", ", "، "} {
		i := strings.LastIndex(s, sep)
		if i <= 0 {
			continue
		}
		org, at := strings.TrimSpace(s[:i]), strings.TrimSpace(s[i+len(sep):])
		if !isOrgText(org) || isOrgText(at) && !namesCountry(at) {
			continue
		}
		_, isCountry := country(at)
		arabicTown := mostlyArabic(at) && len(strings.Fields(at)) == 1
		if isCountry || isPlace(at) || arabicTown {
			return org, true
		}
	}
	return s, false
}

// setFunction gives a person the function written with the name: "Director, Amnesty
// International" or "Director" and an organisation. A public office is held; any other
// title is a role in the organisation it names.
func (p *party) setFunction(text string) {
	text = trimPunct(strings.TrimSpace(text))
	if text == "" || p.in.Person == nil {
		return
	}
	p.title = text
	if o, ok := parseOffice(text); ok && o.of != nil && !isUnitText(o.of.Name) {
		// "Ambassador of Albania to Iran", "Albanian Foreign Minister"; but "Winter
		// Service Coordinator" and "رئيس قسم الصيانة" name a unit, "Network
		// Management Officer" a field of work: no organisation (lexicon/README.md).
		p.in.Holds, p.in.MemberOf = holding(&o)
		return
	}
	title, org := splitTitleOrg(text)
	first, _, _ := strings.Cut(text, ",")
	if org == "" && isOrgText(text) && !isTitleText(text) && !isTitleText(first) && !isUnitText(text) {
		// "Iran Interlink": an organisation alone; but not "Technical Services
		// Manager, Quality Assurance Department", a title and its unit, nor a unit
		// alone ("Vertriebsinnendienst").
		p.in.MemberOf = &domain.MembershipInput{Organisation: domain.OrganisationInput{Name: dropLeadingArticle(text)}}
		return
	}
	if org == "" {
		return
	}
	if of := orgNamed(org); isPublicTitle(title) || of.Kind == domain.OrgState {
		// A public office, or any title of a state ("ریاست محترم جمهوری اسلامی
		// ایران"), is held.
		p.in.Holds = &domain.HoldingInput{Office: domain.OfficeInput{Title: title, Of: of}}
		return
	}
	if i := strings.LastIndexAny(title, ",،"); i >= 0 {
		// "архитектор-реставратор, член Союза архитекторов России": the role in the
		// organisation is the title written with it.
		_, size := utf8.DecodeRuneInString(title[i:])
		if rest := strings.TrimSpace(title[i+size:]); rest != "" {
			title = rest
		}
	}
	p.in.MemberOf = &domain.MembershipInput{Organisation: *orgNamed(org), Role: title}
}

// cleanEntry strips a list entry's bullet or number, its purpose phrase ("for
// information", "جهت استحضار") and the courtesy words around it.
func cleanEntry(s string) string {
	s, _ = stripBullet(strings.TrimSpace(s))
	s = strings.TrimSpace(strings.TrimSuffix(cutPurpose(s), "("))
	return trimPunct(strings.Trim(s, `"“”«»'`))
}

// splitEntries divides a list's line into entries: at semicolons, and at commas when
// what they separate are whole parties ("Peter Müller, Anna Schmidt") rather than a
// name and its title ("Jane Doe, Director").
func splitEntries(s string) []string {
	var out []string
	for _, part := range splitOutside(s, ";؛") {
		part = strings.TrimSpace(part)
		if part == "" {
			continue
		}
		pieces := splitOutside(part, ",،")
		if len(pieces) > domain.MaxParties {
			pieces = pieces[:domain.MaxParties] // no list keeps more
		}
		allParties := len(pieces) > 1
		for k, p := range pieces {
			p = cleanEntry(p)
			person := isPersonText(p)
			switch {
			case p == "":
				allParties = false
			case k > 0 && isPersonText(cleanEntry(pieces[k-1])) && isTitleText(p) && !person:
				allParties = false // "Jane Doe, Director": a name and its title
			case k > 0 && titleAlone(cleanEntry(pieces[k-1])) && isOrgText(p) && !isTitleText(p) && !person:
				allParties = false // "the Editor, Marches Gazette": a title and its organisation
			case !(person || isOrgText(p) || isTitleText(p)):
				allParties = false
			}
		}
		if allParties {
			for _, p := range pieces {
				out = append(out, strings.TrimSpace(p))
			}
			continue
		}
		out = append(out, part)
	}
	return out
}

// titleAlone reports whether s is a title that names no organisation of its own
// ("the Editor"; not "Albanian Foreign Minister", whose state it names).
func titleAlone(s string) bool {
	if !isTitleText(s) || isPersonText(s) || isOrgText(s) {
		return false
	}
	if o, ok := parseOffice(s); ok && o.of != nil {
		return false
	}
	_, org := splitTitleOrg(dropTitleArticle(s))
	return org == ""
}

// splitOutside splits s at the separators that stand outside brackets, dropping
// empty pieces: "A (Director, Operations), B" is "A (Director, Operations)" and "B".
func splitOutside(s, seps string) []string {
	var out []string
	depth, start := 0, 0
	for i, r := range s {
		switch {
		case r == '(' || r == '[':
			depth++
		case (r == ')' || r == ']') && depth > 0:
			depth--
		case depth == 0 && strings.ContainsRune(seps, r):
			if p := s[start:i]; strings.TrimSpace(p) != "" {
				out = append(out, p)
			}
			start = i + utf8.RuneLen(r)
		}
	}
	if p := s[start:]; strings.TrimSpace(p) != "" {
		out = append(out, p)
	}
	return out
}

// hasFullWord reports whether a name has a word that is no initial.
func hasFullWord(name string) bool {
	for _, w := range strings.Fields(name) {
		if !isInitials(w) {
			return true
		}
	}
	return false
}

// orgNamed is the organisation a letter names: a country by its canonical name, with
// the name as written as an alias ("Republic of Albania" is Albania), anything else as
// written.
func orgNamed(name string) *domain.OrganisationInput {
	name = trimPunct(strings.TrimSpace(name))
	if c, ok := country(name); ok {
		o := &domain.OrganisationInput{Name: c, Kind: domain.OrgState}
		if domain.NormalizeName(c) != domain.NormalizeName(name) {
			o.Aliases = []string{name}
		}
		return o
	}
	return &domain.OrganisationInput{Name: name, Kind: orgKind(name)}
}

// cutPurpose cuts the purpose phrases that end a copy entry ("– zur Kenntnis",
// "جهت اطلاع و اقدام لازم"); an entry that is nothing but a purpose is kept.
func cutPurpose(s string) string {
	s = strings.TrimSpace(s)
	for {
		f := foldLine(s)
		n, ok := lex.suffix(secPurpose, f)
		if !ok || n >= len(f.w) {
			break
		}
		s = strings.TrimSpace(strings.TrimRight(f.upto(len(f.w)-n), " -–—,:;(/"))
	}
	// A purpose phrase carried on by a word or two ("جهت اطلاع عموم", "for
	// information and file"): cut from where it starts.
	f := foldLine(s)
	for k := len(f.w) - 2; k >= 1 && k >= len(f.w)-6; k-- {
		if n, ok := lex.prefix(secPurpose, fwords{w: f.w[k:], end: f.end[k:], src: f.src}); ok && len(f.w)-k-n <= 2 {
			return strings.TrimSpace(strings.TrimRight(f.upto(k), " -–—,:;(/"))
		}
	}
	return s
}
