package text

import (
	"slices"
	"strings"
	"sync"
	"unicode/utf8"

	"github.com/lettergraph/lettergraph/internal/domain"
	"github.com/lettergraph/lettergraph/internal/ingest/document"
)

// readLetter reads the letter's facts from its zones, each zone with its grammar, and
// notes in rd how it found each and how sure it is (confidence.go).
func readLetter(lay *layout, rd *document.Reading) (in domain.LetterInput) {
	lines := lay.lines
	// The language tells how numeric dates are written; it is the letter's too.
	in.Language = detectLanguage(joinText(lines, lay.bodyFrom, lay.bodyTo))
	dayFirst := in.Language != "en"
	for _, z := range lay.find(zTitle) {
		in.Title = cutRunes(joinText(lines, z.from, z.to), maxTitle)
		break
	}
	// The memo headers.
	var from, to, cc, bcc []string
	for _, z := range lay.find(zHeader) {
		switch z.label {
		case secLabelTo:
			to = append(to, withTitles(headerEntries(z.value))...)
		case secLabelFrom:
			from = append(from, withTitles(headerEntries(z.value))...)
		case secLabelCC:
			cc = append(cc, headerEntries(z.value)...)
		case secLabelBCC:
			bcc = append(bcc, headerEntries(z.value)...)
		case secLabelSubject:
			if in.Subject == "" {
				in.Subject = cutRunes(domain.CleanText(z.value), maxSubject)
			}
		case secLabelDate:
			if in.Date == nil && in.DateText == "" {
				if d, ok := dateLineIn(z.value, dayFirst); ok {
					d.apply(&in)
					noteDate(rd, &in, "Date: header", confHeader)
				}
			}
		}
	}
	// A labelled subject ("OGGETTO: …") over a line that only looks like one ("LORO
	// SEDI – inviata a mezzo PEC" under the addressees).
	subjects := lay.find(zSubject)
	slices.SortStableFunc(subjects, func(a, b zone) int { return boolRank(a.label == "") - boolRank(b.label == "") })
	for _, z := range subjects {
		if in.Subject == "" {
			in.Subject = cutRunes(domain.CleanText(z.value), maxSubject)
		}
	}

	// The date and place: the first date line that holds a date, and first of all
	// one written with its place ("Villarreal de los Arcos, 5 de mayo de 2023" under
	// a registry stamp's "Fecha: 08/05/2023").
	var withPlace, withoutPlace []zone
	for _, z := range lay.find(zDate) {
		if datePlace(z.value, dayFirst) {
			withPlace = append(withPlace, z)
		} else {
			withoutPlace = append(withoutPlace, z)
		}
	}
	for _, z := range append(withPlace, withoutPlace...) {
		if in.Date != nil || in.DateText != "" {
			break
		}
		if d, ok := dateLineIn(z.value, dayFirst); ok {
			d.apply(&in)
			noteDate(rd, &in, "date line", confDateLine)
			if d.place != "" {
				if pl, ok := parsePlace(d.place, true); ok {
					in.WrittenAt, in.PlaceText = &pl.in, pl.text
				}
			}
		}
	}

	// The place of writing from another date line of the same letter ("En Valdemora
	// del Río, a 14 de junio de 2022." at the foot, the date read above it).
	if in.WrittenAt == nil && (in.Date != nil || in.DateText != "") {
		for _, z := range lay.find(zDate) {
			if d, ok := dateLineIn(z.value, dayFirst); ok && d.place != "" && (d.date == nil || in.Date == nil || d.date.Equal(*in.Date)) {
				if pl, ok := parsePlace(d.place, true); ok {
					in.WrittenAt, in.PlaceText = &pl.in, pl.text
					break
				}
			}
		}
	}

	// Without a date line, the date of the letter's own reference ("Исх. № 127/03 от
	// 12.03.2020", "Prot. n. 45 del 12/03/2020"): the first reference that holds one.
	if in.Date == nil && in.DateText == "" {
		for _, z := range lay.find(zReference) {
			if m := firstNumericDate(z.value); m != "" {
				if d, ok := numericIn(m, true); ok && d.date != nil {
					d.apply(&in)
					noteDate(rd, &in, "reference line", confReference)
					break
				}
			}
		}
	}

	// The body, without page artefacts, and the postscripts after it.
	page := map[int]bool{}
	for _, z := range lay.find(zPage) {
		page[z.from] = true
	}
	var body []string
	for i := lay.bodyFrom; i < lay.bodyTo; i++ {
		if !page[i] {
			body = append(body, lines[i].raw)
		}
	}
	in.Body = strings.TrimSpace(strings.Join(body, "\n"))
	for _, z := range lay.find(zPostscript) {
		in.Body = strings.TrimSpace(in.Body + "\n\n" + joinRaw(lines, z.from, z.to))
	}

	for _, z := range lay.find(zTrailer) {
		in.Related = parseTrailer(lines, z.from, z.to)
	}

	// The parties.
	var sigBlocks [][]line
	for _, z := range lay.find(zClosing) {
		// "Kind regards, Marko Kovač": the name after the close on its line.
		t := lines[z.to-1].text
		if i := strings.LastIndexAny(t, ",،"); i > 0 {
			_, size := utf8.DecodeRuneInString(t[i:]) // "،" is two bytes
			if name := strings.TrimSpace(t[i+size:]); isPersonText(name) && !hasClosingWord(name) {
				sigBlocks = append(sigBlocks, []line{{raw: name, text: name}})
			}
		}
	}
	for _, z := range lay.find(zSignature) {
		sigBlocks = append(sigBlocks, lines[z.from:z.to])
	}
	head := letterheadOrg(lay)
	authors, onBehalf, signedAt := readSignatures(sigBlocks, head)
	if in.WrittenAt == nil && signedAt != nil {
		in.WrittenAt, in.PlaceText = &signedAt.in, signedAt.text
	}
	if lay.verbale != nil {
		// A note verbale is signed by no one: what stands after its close is the
		// addressee's block and a seal.
		authors, onBehalf = nil, nil
	}
	if head != "" {
		onBehalf = append([]domain.OrganisationInput{{Name: head, Kind: orgKind(head)}}, onBehalf...)
	}
	for _, v := range from {
		for _, e := range splitEntries(v) {
			p, ok := entry(e)
			if !ok {
				continue
			}
			a := p.author()
			// The signature under a memo adds the capacity of the author the From
			// header names.
			for _, s := range authors {
				if a.Person != nil && s.Person != nil && samePerson(a.Person.Name, s.Person.Name) {
					// The signature writes the name as the person signs it (the
					// header may decline it: "От кого: … Гусева Д.А." is "Д.А. Гусев").
					a.Person = s.Person
					if a.Capacity == "" {
						a.Capacity, a.MemberOf, a.Holds = s.Capacity, s.MemberOf, s.Holds
					}
				}
			}
			in.Authors = append(in.Authors, a)
		}
	}
	authorsHow, authorsConf := "From: header", confHeader
	if !slices.ContainsFunc(in.Authors, func(a domain.PartyInput) bool { return a.Person != nil }) &&
		slices.ContainsFunc(authors, func(a domain.PartyInput) bool { return a.Person != nil }) {
		// "از: معاونت تحقیقات و فناوری" over a signature by the deputy: the person
		// who signs writes for the unit the header names.
		in.Authors = nil
	}
	if len(in.Authors) == 0 {
		in.Authors = authors
		authorsHow, authorsConf = "signature block", confSignature
	}
	if v := lay.verbale; v != nil {
		if p, ok := entry(withoutSeat(withoutAside(v.author))); ok {
			if p.in.Person != nil { // an embassy is no person, whatever its name looks like
				p.in = domain.PartyInput{Organisation: &domain.OrganisationInput{Name: p.in.Person.Name}}
			}
			in.Authors = []domain.PartyInput{p.in}
			authorsHow, authorsConf = "note verbale's first words", confVerbale
		}
	}
	noteParties(rd, "author", authorsHow, authorsConf, in.Authors)
	for i := range in.Authors {
		if m := in.Authors[i].MemberOf; m != nil {
			m.Role = dropTitleArticle(m.Role)
			if head != "" && onlyAKind(m.Organisation.Name) {
				// "Il Presidente del Comitato", "Clerk to the Council", "het bestuur":
				// the body named by its kind alone is the letterhead's.
				m.Organisation = domain.OrganisationInput{Name: head, Kind: orgKind(head)}
				m.Role = trimConnector(m.Role)
			}
			onBehalf = append(onBehalf, m.Organisation)
		}
	}
	for i, o := range onBehalf {
		if head != "" && onlyAKind(o.Name) {
			onBehalf[i] = domain.OrganisationInput{Name: head, Kind: orgKind(head)} // "Namens het bestuur"
		}
	}
	in.OnBehalfOf = dedupeOrgs(onBehalf)
	recipientsHow, recipientsConf := "To: header", confHeader
	for _, v := range to {
		for _, e := range splitEntries(v) {
			if p, ok := entry(e); ok {
				in.Recipients = append(in.Recipients, p.recipient())
			}
		}
	}
	if v := lay.verbale; v != nil {
		in.Recipients = nil
		if p, ok := entry(withoutSeat(withoutAside(v.recipient))); ok {
			if p.in.Person != nil {
				p.in = domain.PartyInput{Organisation: &domain.OrganisationInput{Name: p.in.Person.Name}}
			}
			in.Recipients = []domain.PartyInput{p.in}
			recipientsHow, recipientsConf = "note verbale's compliments", confVerbale
		}
	}
	if len(in.Recipients) == 0 {
		for _, z := range lay.find(zAddress) {
			var texts []string
			for i := z.from; i < z.to; i++ {
				if !lines[i].blank() {
					texts = append(texts, lines[i].text)
				}
			}
			for _, p := range readAddresses(texts) {
				in.Recipients = append(in.Recipients, p.recipient())
				recipientsHow, recipientsConf = "address block", confAddress
			}
			break
		}
	}
	if len(in.Recipients) == 0 {
		// "An open letter to the Minister of Culture on …": a title (or a lead, when
		// the heading is long) that names its addressee.
		for _, z := range append(lay.find(zTitle), lay.find(zLead)...) {
			if p, ok := titleAddressee(lines[z.from].text); ok {
				in.Recipients = append(in.Recipients, p.recipient())
				recipientsHow, recipientsConf = "title (letter to …)", confTitle
				break
			}
		}
	}
	if len(in.Recipients) == 0 {
		// "Dear Minister," "Sehr geehrter Herr Minister,": the salutation names the
		// addressee when no block does.
		for _, z := range lay.find(zSalutation) {
			if p, ok := salutationParty(lines[z.from].text); ok {
				in.Recipients = append(in.Recipients, p.recipient())
				recipientsHow, recipientsConf = "salutation", confSalutation
			}
		}
	}
	noteParties(rd, "recipient", recipientsHow, recipientsConf, in.Recipients)
	copies := func(values []string) []domain.PartyInput {
		var out []domain.PartyInput
		for i, v := range values {
			if len(out) >= domain.MaxParties {
				break // the domain keeps no more; reading on would cost for nothing
			}
			entries := splitEntries(v)
			if i > 0 && !strings.ContainsAny(v, ";؛") {
				// A list written one entry a line: a comma on a line is inside the
				// entry ("Name, Title", "سازمان صنعت، معدن و تجارت").
				entries = []string{v}
			}
			for _, e := range entries[:min(len(entries), domain.MaxParties-len(out))] {
				if p, ok := entry(dropAddressee(e)); ok {
					out = append(out, p.in)
				}
			}
		}
		return out
	}
	in.CC = noteParties(rd, "cc", "Cc: header", confHeader, copies(cc))
	in.BCC = noteParties(rd, "bcc", "Bcc: header", confHeader, copies(bcc))
	for _, z := range lay.find(zCopy) {
		in.CC = append(in.CC, noteParties(rd, "cc", "copy list", confList, copies(listValues(lay, z)))...)
	}
	for _, z := range lay.find(zBlindCopy) {
		in.BCC = append(in.BCC, noteParties(rd, "bcc", "blind copy list", confList, copies(listValues(lay, z)))...)
	}
	if head != "" && len(from)+len(to) > 0 {
		inHouse(&in, head)
	} else if head != "" {
		// A copy to a bare title ("Director of Human Resources") on a body's own
		// paper goes to that body's office: a copy kept at home.
		homeOffices(&in, domain.OrganisationInput{Name: head, Kind: orgKind(head)})
	}
	noteMissing(rd, &in)
	if in.DatePrecision == "" {
		in.DatePrecision = domain.PrecisionUnknown
		if in.Date != nil {
			in.DatePrecision = domain.PrecisionDay
		}
	}
	return in
}

// closingWords are the words of the closing cues, which no name holds ("بقبول",
// "regards"); built once from the lexicon.
var closingWords = sync.OnceValue(func() map[string]bool {
	words := map[string]bool{}
	for _, p := range lex.phrases[secClosing] {
		for _, w := range p {
			if len([]rune(w)) > 3 {
				words[w] = true
			}
		}
	}
	return words
})

// hasClosingWord reports whether s holds a word of a closing cue: the rest of a
// close after a comma ("وتفضلوا، سعادة الوزير، بقبول فائق …") is no signatory's name.
func hasClosingWord(s string) bool {
	return slices.ContainsFunc(foldLine(s).w, func(w string) bool { return closingWords()[w] })
}

// datePlace reports whether a date line names where it was written.
func datePlace(s string, dayFirst bool) bool {
	if _, ref := lex.prefix(secLabelReference, foldLine(s)); ref {
		return false // "Uw brief van 3 juli 2023": the date of the letter answered
	}
	d, ok := dateLineIn(s, dayFirst)
	return ok && d.place != ""
}

// boolRank orders false before true.
func boolRank(b bool) int {
	if b {
		return 1
	}
	return 0
}

// dedupeOrgs keeps the first of organisations with the same name key.
func dedupeOrgs(list []domain.OrganisationInput) []domain.OrganisationInput {
	seen := map[string]bool{}
	var out []domain.OrganisationInput
	for _, o := range list {
		k := domain.NormalizeName(o.Name)
		if k == "" || seen[k] {
			continue
		}
		seen[k] = true
		out = append(out, o)
	}
	return out
}
