package text

import (
	"fmt"
	"slices"
	"strings"
	"sync"
	"unicode"
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

// listValues returns a list zone's entries: the value after its label and each line
// below, with purpose phrases ("for information", "جهت اطلاع") cut off.
func listValues(lay *layout, z zone) []string {
	texts := []string{z.value}
	for i := z.from + 1; i < z.to; i++ {
		texts = append(texts, lay.lines[i].text)
	}
	return entryLines(texts)
}

// entryLines returns the entries of a list written over lines: one a line, unless a
// line carries on the entry above it (continuesEntry), with purpose phrases cut off.
func entryLines(texts []string) []string {
	var out []string
	listBulleted := false // once an entry has a bullet, a line without one carries the last on
	closed := false       // the last line ended its entry with a semicolon
	add := func(s string) {
		wasClosed := closed
		t := strings.TrimSpace(s)
		closed = strings.HasSuffix(t, ";") || strings.HasSuffix(t, "؛")
		_, bulleted := stripBullet(s)
		starts := bulleted
		if f := foldLine(s); !bulleted && len(f.w) > 1 {
			// "al Sindaco di Trieste", "alla Stampa", "mw. S. Kok": an addressee's
			// prefix or an honorific starts an entry, in lower case too.
			_, pre := lex.prefix(secAddresseePrefix, f)
			_, hon := lex.prefix(secHonorific, f)
			starts = pre || hon
		}
		// Cut on the whole line too: "X, for information" would otherwise split
		// into X and an entry that is only a purpose.
		if s = trimPunct(cutPurpose(s)); s == "" || lex.is(secFiling, trimPunct(strings.TrimLeft(s, "-–—•* "))) {
			return // nothing, or only where a copy is kept ("الملف", "Ablage")
		}
		if len(out) > 0 && !starts && !wasClosed && (continuesEntry(s) || endsInConnector(out[len(out)-1]) || listBulleted) {
			if prev := out[len(out)-1]; strings.HasSuffix(prev, "-") && startsLower(s) {
				out[len(out)-1] = strings.TrimSuffix(prev, "-") + s // "Preserva- / tion Society"
			} else {
				out[len(out)-1] += " " + s // an entry wrapped onto the next line
			}
			return
		}
		out = append(out, s)
		listBulleted = listBulleted || bulleted
	}
	for _, t := range texts {
		add(t)
	}
	return out
}

// endsInConnector reports whether an entry stops at a connector or an article, so
// that the next line carries it on: "… auprès de l'Office des" / "Nations Unies".
func endsInConnector(s string) bool {
	f := foldLine(s)
	if len(f.w) < 2 {
		return false
	}
	w := f.w[len(f.w)-1]
	return orgConnectors[w] || lex.words[secArticle][w] || clauseConjunctions[w]
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

// inHouse ties the parties of a memo on letterhead to the letterhead's organisation:
// a memo (To and From headers) on a body's own paper passes inside it, so its author
// and the recipients it names by a title alone or a title and one of the body's
// units ("Directeur des services généraux", "مدير إدارة المشاريع") work there, and an
// office with no organisation ("المدير العام") is the body's. Copies are tied only
// when they are offices: a person copied is named without a title.
func inHouse(in *domain.LetterInput, head string) {
	org := domain.OrganisationInput{Name: head, Kind: orgKind(head)}
	tie := func(p *domain.PartyInput, title string) {
		switch {
		case p.Office != nil && p.Office.Of == nil:
			p.Office.Of = &org
		case p.Person == nil || p.Holds != nil || title == "":
		case p.MemberOf == nil || isUnitText(p.MemberOf.Organisation.Name) || onlyAKind(p.MemberOf.Organisation.Name):
			p.MemberOf = &domain.MembershipInput{Organisation: org, Role: dropTitleArticle(title)}
		}
	}
	for i := range in.Authors {
		tie(&in.Authors[i], in.Authors[i].Capacity)
	}
	for i := range in.Recipients {
		tie(&in.Recipients[i], in.Recipients[i].As)
	}
	homeOffices(in, org)
}

// homeOffices gives the copies to a bare office ("المدير العام", "Director of Human
// Resources") the organisation org.
func homeOffices(in *domain.LetterInput, org domain.OrganisationInput) {
	for _, list := range [][]domain.PartyInput{in.CC, in.BCC} {
		for i := range list {
			if o := list[i].Office; o != nil && o.Of == nil {
				o.Of = &org
			}
		}
	}
}

// withTitles joins a title line to the name over it in a To or From header ("À
// l'attention de Monsieur Patrick Ollivier," over "Directeur général"): one
// addressee, named and titled.
func withTitles(entries []string) []string {
	var out []string
	for _, e := range entries {
		if k := len(out) - 1; k >= 0 && isTitleText(e) && !isPersonText(e) && isPersonText(out[k]) && !strings.ContainsAny(out[k], ",()") {
			out[k] += ", " + e
			continue
		}
		out = append(out, e)
	}
	return out
}

// headerEntries returns the lines of a header's value that start entries: a header
// continued on the lines below it ("To: A – Title" and "B – Title" under it) lists
// one entry a line, unless a line carries on the one above.
func headerEntries(value string) []string {
	return entryLines(strings.Split(value, "\n"))
}

// continuesEntry reports whether a list line carries on the entry above it rather
// than starting one: it starts with a connector or in lower case ("di Montevecchio",
// "del Comune di …"), or it is only a kind of body ("Society.", the end of "Essex
// Field Antiquaries' / Society.").
func continuesEntry(s string) bool {
	f := foldLine(s)
	if len(f.w) == 0 {
		return false
	}
	r, _ := utf8.DecodeRuneInString(strings.TrimSpace(s))
	return orgConnectors[f.w[0]] || unicode.IsLower(r) || lex.is(secOrganisationWord, s)
}

// prepare splits a decoded letter into the lines the zoning reads: tables and boxes
// drawn with pipes unpicked, a forwarding cover dropped, a head set in two columns
// read column by column.
func prepare(s string) []line {
	return unfoldColumns(forwardedPart(untable(splitLines(s))))
}

// parseZoned reads a decoded letter through its zones, with how it found each fact;
// ok is false when it has no visible text.
func parseZoned(s string) (domain.LetterInput, *document.Reading, bool) {
	lines := prepare(s)
	first := nextNonBlank(lines, 0, len(lines))
	if first >= len(lines) {
		return domain.LetterInput{}, nil, false
	}
	lay := segment(lines)
	rd := &document.Reading{}
	in := readLetter(lay, rd)
	if structureless(lay) {
		rd.Flag("no letter structure found (no head, salutation, closing, signature or list)")
	}
	if structureless(lay) && in.Title == "" {
		// No recognisable structure: the first line is the title (cut when long, and
		// then kept in the body too).
		l := lines[first].text
		in.Title = cutRunes(l, maxTitle)
		if runes(l) <= maxTitle {
			in.Body = strings.TrimSpace(strings.TrimPrefix(strings.TrimSpace(in.Body), lines[first].raw))
		}
	}
	in.Mentions = bodyMentions(in.Body)
	if in.Language == "" && in.Body == "" {
		in.Language = detectLanguage(in.Title)
	}
	if strings.TrimSpace(in.Title+in.Subject+in.Body) == "" {
		in.Title = cutRunes(lines[first].text, maxTitle)
	}
	validate(&in)
	capLists(&in)
	return in, rd, true
}

// explain renders the zones of a letter, a line each, for the dry run.
func explain(lay *layout) string {
	kind := make([]string, len(lay.lines))
	for _, z := range lay.zones {
		for i := z.from; i < z.to && i < len(kind); i++ {
			if kind[i] == "" || z.kind == zPage {
				kind[i] = z.kind.String()
				if z.label != "" {
					kind[i] += " (" + string(z.label) + ")"
				}
			}
		}
	}
	var b strings.Builder
	for i, l := range lay.lines {
		if l.blank() {
			b.WriteString("\n")
			continue
		}
		fmt.Fprintf(&b, "%-22s| %s\n", kind[i], l.text)
	}
	return b.String()
}

// Zones returns the zones of the plain-text letter raw, a line each ("signature | John
// Smith"), then each fact with how it was found and its confidence, and the reasons
// to review the letter, as `lettergraph import --dry-run --zones` shows them; "" when
// raw is no text letter.
func Zones(raw []byte) string {
	s, err := decode(raw, "")
	if err != nil {
		return ""
	}
	out := explain(segment(prepare(s)))
	if _, rd, ok := parseZoned(s); ok {
		out += "\n" + rd.String()
	}
	return out
}

// letterheadOrg returns the organisation a letterhead names first: its first line
// when that is an organisation's name (or a sender line's first part, "Verein e.V. ·
// Straße 1 · Ort").
func letterheadOrg(lay *layout) string {
	for _, z := range lay.find(zLetterhead) {
		t := lay.lines[z.from].text
		if _, encl := lex.label(secLabelEnclosure, t); encl {
			continue // "پیوست: ندارد" beside the number and date, over the letterhead
		}
		if i := strings.IndexAny(t, "·|"); i > 0 {
			t = strings.TrimSpace(t[:i])
		}
		for _, dash := range []string{" — ", " – ", " -- "} {
			if i := strings.Index(t, dash); i > 0 && isOrgText(t[:i]) {
				t = strings.TrimSpace(t[:i]) // "… (سهامی خاص) — کارخانه شماره ۲، …": the body, then where or what
			}
		}
		if next := z.from + 1; next < z.to {
			nt := lay.lines[next].text
			if f := foldLine(nt); quotedName(nt) || len(f.w) > 1 && orgConnectors[f.w[0]] && (startsLower(nt) || allCaps(t) && allCaps(nt)) && !isAddressText(nt) ||
				allCaps(t) && allCaps(nt) && (!isOrgText(t) || onlyAKind(t)) && isOrgText(nt) && !isAddressText(nt) && !isContactText(nt) && !strings.ContainsAny(t, ".,") {
				// "МУНИЦИПАЛЬНОЕ БЮДЖЕТНОЕ УЧРЕЖДЕНИЕ КУЛЬТУРЫ / «МУЗЕЙ ИСТОРИИ …»",
				// "Historisches Seminar / der Johann Wolfgang Goethe-Universität", "THE
				// FENLAND DRAINAGE / HISTORICAL SOCIETY.": one name.
				t += " " + nt
			}
		}
		if !isOrgText(t) || isTitleText(t) || isAddressText(t) {
			return ""
		}
		// A hierarchy of bodies, from the state down ("جمهوری اسلامی ایران" /
		// "وزارت بهداشت …" / "دانشگاه علوم پزشکی کرمان" / "معاونت …"): the letter is
		// the last body of it that is not one of its units.
		if governing(t) || isUnitText(t) || officeOfTitle(t) {
			for next := z.from + 1; next < z.to; next++ {
				nt := lay.lines[next].text
				if !isOrgText(nt) || isTitleText(nt) || isAddressText(nt) || isContactText(nt) || isUnitText(nt) || officeOfTitle(nt) {
					break
				}
				t = nt
			}
		}
		return trimPunct(t)
	}
	return ""
}

// officeOfTitle reports whether t names the office of a post-holder, a unit of the
// body named under it: "Office of the Vice-Chancellor", "Cabinet du Maire", "Büro des
// Oberbürgermeisters".
func officeOfTitle(t string) bool {
	f := foldLine(t)
	n, ok := lex.prefix(secOrganisationWord, f)
	if !ok || n+1 >= len(f.w) || !orgConnectors[f.w[n]] {
		return false
	}
	k := n + 1
	if lex.words[secArticle][f.w[k]] && k+1 < len(f.w) {
		k++
	}
	return isTitleText(f.after(k)) && !isOrgText(f.after(k))
}

// governing reports whether a letterhead's line names a state or a ministry, over
// the body that writes.
func governing(t string) bool {
	if _, ok := country(t); ok {
		return true
	}
	k := orgKind(t)
	return k == domain.OrgState || k == domain.OrgGovernment
}

// withoutAside cuts an aside set off by dashes or brackets from a party named in a
// sentence: "Ministère de l'Europe et des Affaires étrangères – Direction du Protocole –"
// is the ministry.
func withoutAside(s string) string {
	for _, sep := range []string{" – ", " — ", " (", " -- "} {
		if i := strings.Index(s, sep); i > 0 {
			s = s[:i]
		}
	}
	return strings.TrimSpace(s)
}

// withoutSeat cuts where a body sits from the end of its name in a sentence: "the
// Embassy of Italy in Tehran", "سفارت جمهوری ایتالیا در تهران", "l'Ambassade de
// France à Berne" (a town after "in", "à", "در", "в", "في"; a country, where the
// embassy is accredited, is part of its name).
func withoutSeat(s string) string {
	f := foldLine(s)
	n := len(f.w)
	for k := n - 2; k >= max(1, n-3); k-- {
		if !seatWords[f.w[k]] {
			continue
		}
		at := f.after(k + 1)
		if _, state := country(at); state {
			return s // "Ambassade du Sénégal en Suisse": where it is accredited is its name
		}
		if isPlace(at) || !hasCase(at) && n-k-1 <= 2 || len(strings.Fields(at)) <= 2 && startsUpper(at) {
			return trimPunct(f.upto(k))
		}
	}
	return s
}

// seatWords say where a body sits.
var seatWords = foldSet("in", "at", "à", "a", "en", "в", "во", "در", "في", "بـ")

// allCaps reports whether s has letters and all of them in capitals.
func allCaps(s string) bool {
	return hasCase(s) && strings.ToUpper(s) == s
}

// quotedName reports whether a line is a name in quotes, nothing else: «…», "…", „…“.
func quotedName(t string) bool {
	t = strings.TrimSpace(t)
	first, _ := utf8.DecodeRuneInString(t)
	last, _ := utf8.DecodeLastRuneInString(t)
	return utf8.RuneCountInString(t) > 2 && strings.ContainsRune("«\"„“", first) && strings.ContainsRune("»\"“”", last)
}

// structureless reports whether the parser found nothing but a body: no head, no
// salutation, no close, no signature, no list.
func structureless(lay *layout) bool {
	for _, z := range lay.zones {
		switch z.kind {
		case zBody, zPage, zTrailer:
		default:
			return false
		}
	}
	return true
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

// samePerson reports whether two spellings of a name in one letter are one person:
// the same name key, or the same initials and a surname that differs only by its
// ending ("Гусева Д.А." and "Д.А. Гусев").
func samePerson(a, b string) bool {
	if domain.NormalizeName(a) == domain.NormalizeName(b) {
		return true
	}
	split := func(s string) (initials, surname string) {
		for _, w := range foldWords(s) {
			if len([]rune(w)) == 1 {
				initials += w
			} else if surname == "" {
				surname = w
			}
		}
		return initials, surname
	}
	ia, sa := split(a)
	ib, sb := split(b)
	if ia == "" || ia != ib || sa == "" || sb == "" {
		return false
	}
	ra, rb := []rune(sa), []rune(sb)
	n := min(len(ra), len(rb))
	return n >= 4 && string(ra[:n-1]) == string(rb[:n-1]) && max(len(ra), len(rb))-n <= 2
}
