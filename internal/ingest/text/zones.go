package text

import (
	"regexp"
	"strings"
	"unicode/utf8"

	"github.com/lettergraph/lettergraph/internal/ingest/textdate"
)

// The bounds of the zoning: a letter's head and tail are short, so that a long text
// (a log, a book pasted in) costs a pass over its lines and no more.
const (
	maxHeadLines = 80  // lines before the body read as its head
	maxTailLines = 200 // lines after the close (or the body's end) read as its tail
	maxCueLine   = 400 // bytes: a longer line is text, never a cue, a name or a label
)

// zoneKind is what a run of a letter's lines is. A letter is cut into zones before any
// party is named, from its layout (blank lines, short lines, position) and the cue
// lexicons; parties are then read from each zone with that zone's grammar.
type zoneKind uint8

const (
	zNone       zoneKind = iota
	zInvocation          // "بسمه تعالی" above a letter
	zHeading             // a document-type heading: "MEMORANDUM"
	zTitle               // a heading standing alone: the letter's title
	zLead                // an editorial lead before the letter (a web page's)
	zLetterhead          // the sender's name, address and contact lines
	zReference           // reference, file and record numbers
	zDate                // the place and date line
	zAddress             // the addressee block: inside address, "To the …"
	zHeader              // a memo header: To:, From:, Date:, Subject:, Cc:
	zSubject             // the subject line
	zSalutation          // "Dear …,"
	zBody                // the letter's text
	zClosing             // the complimentary close
	zSignature           // a signatory's block: name, capacity, organisation
	zEnclosure           // the enclosures' list
	zCopy                // the copy list
	zBlindCopy           // the blind-copy list
	zPostscript          // "P.S. …" (read with the body)
	zPage                // page artefacts: "- 2 -", running headers
	zTrailer             // a web page's matter after the letter
	zOther               // seals, stamps, lines the parser leaves aside
)

var zoneNames = [...]string{"none", "invocation", "heading", "title", "lead", "letterhead",
	"reference", "date", "address", "header", "subject", "salutation", "body", "closing",
	"signature", "enclosure", "copy", "blind copy", "postscript", "page", "trailer", "other"}

func (k zoneKind) String() string { return zoneNames[k] }

// zone is a run of lines [from, to) of one kind. For a labelled line (a memo header, a
// subject, a copy list's first line) label is the field it labels and value the text
// after the label.
type zone struct {
	kind     zoneKind
	from, to int
	label    section
	value    string
}

// layout is a letter cut into zones.
type layout struct {
	lines []line
	zones []zone
	// bodyFrom and bodyTo bound the body: the postscript zones after it are read with
	// it, page artefacts inside it are left out.
	bodyFrom, bodyTo int
	// verbale is the note-verbale opening read from the body's first paragraph.
	verbale *verbaleOpening
	memo    bool // the letter has memo headers
}

// verbaleOpening is what a note verbale's first sentence says: who writes to whom.
type verbaleOpening struct{ author, recipient string }

// pageLine matches a line that is a page artefact: "- 2 -", "— 3 —", "Page 2",
// "Page 2 of 3", "2/3", "-2-".
var pageLine = regexp.MustCompile(`(?i)^(?:[-–—]\s*\d{1,3}\s*[-–—]|(?:page|seite|pagina|página|page|страница|صفحه|صفحة)\s*\d{1,3}(?:\s*(?:of|von|de|di|из|از|من)\s*\d{1,3})?|\d{1,3}\s*/\s*\d{1,3})$`)

// isPageLine reports whether the line at i is a page artefact.
func isPageLine(lines []line, i int) bool {
	return pageLine.MatchString(lines[i].text)
}

// segment cuts a letter into zones. It never fails: what it cannot place is body.
func segment(lines []line) *layout {
	lay := &layout{lines: lines}
	first := nextNonBlank(lines, 0, len(lines))
	end := len(lines)
	if t := trailerStart(lines, first); t >= 0 {
		lay.add(zTrailer, t, end)
		end = t
	}
	page := map[int]bool{}
	for i := first; i < end; i++ {
		if isPageLine(lines, i) {
			page[i] = true
		}
	}

	// The anchors: the body starts after a salutation, at a note verbale's opening,
	// or after memo headers; it ends at the complimentary close.
	sal := findSalutation(lines, first, end)
	hdrFrom, hdrTo := findHeaders(lines, first, end)
	bodyFrom := -1
	switch {
	case sal >= 0:
		bodyFrom = sal + 1
	case hdrTo > hdrFrom:
		bodyFrom = hdrTo
	}
	if v, at := findVerbale(lines, first, end); at >= 0 && (bodyFrom < 0 || at >= bodyFrom && at <= nextNonBlank(lines, bodyFrom, end)) {
		lay.verbale = v
		if bodyFrom < 0 || at < bodyFrom {
			bodyFrom = at
		}
	}
	headEnd := bodyFrom
	if bodyFrom < 0 {
		headEnd = headOfUnmarked(lines, first, end)
		bodyFrom = headEnd
	}
	// The head: what stands before the body.
	if hdrTo > hdrFrom {
		lay.memo = true
		lay.headers(hdrFrom, hdrTo)
	}
	lay.head(first, headEnd, sal, hdrFrom, hdrTo, page)
	if sal >= 0 {
		lay.add(zSalutation, sal, sal+1)
	}

	// The tail: from the close on.
	bodyFrom = nextNonBlank(lines, bodyFrom, end)
	closeAt, closeTo := findClosing(lines, bodyFrom, end, lay.verbale != nil)
	tailFrom := closeAt
	if closeAt < 0 {
		tailFrom = tailOfUnclosed(lines, bodyFrom, end)
	}
	bodyTo := tailFrom
	// Rules under memo headers are no body; nor is a salutation by first name
	// ("Jane,") that opens it.
	for bodyFrom < bodyTo && isRule(lines[bodyFrom].text) {
		lay.add(zOther, bodyFrom, bodyFrom+1)
		bodyFrom = nextNonBlank(lines, bodyFrom+1, end)
	}
	if sal < 0 && bodyFrom < bodyTo {
		t := lines[bodyFrom].text
		if j := nextNonBlank(lines, bodyFrom+1, end); words(t) <= 4 && (strings.HasSuffix(t, ",") || strings.HasSuffix(t, "،")) &&
			j < bodyTo && isProse(lines[j].text) {
			lay.add(zSalutation, bodyFrom, bodyFrom+1)
			bodyFrom = j
		}
	}
	// A subject written after the salutation ("Re: …") is no body; nor is a heading
	// standing alone there, one short line without a sentence's end over the first
	// paragraph ("Dear Mr Harcourt, / Flooding on Dunton Road / At their meeting …").
	if bodyFrom < bodyTo && sal >= 0 {
		t := lines[bodyFrom].text
		if v, ok := lex.label(secLabelSubject, t); ok && v != "" {
			lay.add(zSubject, bodyFrom, bodyFrom+1).value = v
			bodyFrom = nextNonBlank(lines, bodyFrom+1, end)
		} else if v, ok := bareSubject(lines, bodyFrom, end); ok {
			// "Re Priory Church Precincts : proposed culverting …": the label without
			// its colon, alone on its line over the first paragraph.
			lay.add(zSubject, bodyFrom, bodyFrom+1).value = v
			bodyFrom = nextNonBlank(lines, bodyFrom+1, end)
		} else if j := nextNonBlank(lines, bodyFrom+1, end); j > bodyFrom+1 && j < bodyTo && isHeadingLine(t) &&
			len(lay.find(zSubject)) == 0 && (isProse(lines[j].text) || blockIsProse(lines, paragraphAt(lines, j, bodyTo))) {
			lay.add(zSubject, bodyFrom, bodyFrom+1).value = t
			bodyFrom = j
		}
	}
	lay.bodyFrom, lay.bodyTo = bodyFrom, max(bodyFrom, bodyTo)
	lay.add(zBody, lay.bodyFrom, lay.bodyTo)
	for i := lay.bodyFrom; i < lay.bodyTo; i++ {
		if page[i] {
			lay.add(zPage, i, i+1)
		}
	}
	if closeAt >= 0 {
		lay.add(zClosing, closeAt, closeTo)
		tailFrom = closeTo
	}
	tailEnd := min(end, tailFrom+maxTailLines)
	lay.tail(tailFrom, tailEnd, page)
	if tailEnd < end {
		lay.add(zOther, tailEnd, end) // past the tail's bound: left aside
	}
	return lay
}

// isHeadingLine reports whether t reads as a heading: two to twelve words, the first
// capitalised (or a script without case), no sentence's end or list's colon, no
// address or name.
func isHeadingLine(t string) bool {
	n := words(t)
	last, _ := utf8.DecodeLastRuneInString(t)
	if n < 2 || n > 12 || strings.ContainsRune(".:;,!?،؛", last) || isProse(t) {
		return false
	}
	// A name in capitals has few words; "NIGHT-TIME VEHICLE MOVEMENTS, DICK LANE
	// DEPOT" is a heading.
	person := isPersonText(t) && !(allCaps(t) && n >= 4)
	return (startsUpper(t) || !hasCase(t)) && !person && !isAddressText(t) && !isDateLine(t)
}

func (lay *layout) add(k zoneKind, from, to int) *zone {
	lay.zones = append(lay.zones, zone{kind: k, from: from, to: to})
	return &lay.zones[len(lay.zones)-1]
}

// find returns the zones of kind k, in order.
func (lay *layout) find(k zoneKind) []zone {
	var out []zone
	for _, z := range lay.zones {
		if z.kind == k {
			out = append(out, z)
		}
	}
	return out
}

// findSalutation returns the line of the salutation, or -1: a short line that starts
// with a salutation cue, in the first part of the letter, before any paragraph of prose
// that could be the body (a salutation inside a quoted letter does not count).
func findSalutation(lines []line, from, to int) int {
	prose := 0
	for i := from; i < to && i < from+maxHeadLines; i++ {
		t := lines[i].text
		if t == "" {
			continue
		}
		if len(t) <= maxCueLine && isSalutationLine(t) {
			if j := laterSalutation(lines, i, to); j > i {
				return j // "Sir Geo. Lamplugh, Bart.," over his address, then "Dear Sir George,"
			}
			last := t[len(t)-1]
			if strings.ContainsRune(",:!;", rune(last)) || strings.HasSuffix(t, "،") || strings.HasSuffix(t, "؛") {
				return i
			}
			// Without its comma, a salutation is followed by the body; "Monsieur le
			// Maire de Villeneuve" over more head lines is the addressee.
			if j := nextNonBlank(lines, i+1, to); j >= to || isProse(lines[j].text) || blockIsProse(lines, paragraphAt(lines, j, to)) {
				return i
			} else if isHeadingLine(lines[j].text) {
				// "Dear Mr Hartley" / "NIGHT-TIME VEHICLE MOVEMENTS" / the body: a
				// subject between the salutation and the body.
				if k := nextNonBlank(lines, j+1, to); k < to && k > j+1 && blockIsProse(lines, paragraphAt(lines, k, to)) {
					return i
				}
			}
		}
		if isProse(t) {
			prose++
			if prose > 2 {
				return -1
			}
		}
	}
	return -1
}

// laterSalutation returns the salutation that follows the one at line i over a few
// short lines (an address block) and before any prose, or -1: the first was an
// addressee's name that starts like one ("Sir Geo. Lamplugh, Bart.").
func laterSalutation(lines []line, i, to int) int {
	for j := i + 1; j < to && j <= i+8; j++ {
		t := lines[j].text
		switch {
		case t == "":
		case isProse(t):
			return -1
		case len(t) <= maxCueLine && isSalutationLine(t) && lines[j-1].blank():
			return j
		}
	}
	return -1
}

// isSalutationLine reports whether t is a salutation: a salutation cue and at most a
// few words of address after it, ending as salutations do.
func isSalutationLine(t string) bool {
	f := foldLine(t)
	n, ok := lex.prefix(secSalutation, f)
	if !ok || len(f.w)-n > 8 {
		return false
	}
	last := t[len(t)-1]
	return len(f.w) == n || strings.ContainsRune(",:!،", rune(last)) || strings.HasSuffix(t, "،") || strings.HasSuffix(t, "؛") ||
		len(f.w)-n <= 4 && !strings.HasSuffix(t, ".")
}

// findHeaders returns the memo header lines [from, to): a run of labelled lines (To,
// From, Cc, Subject, Date) near the top, with at least two labels and a To or From
// among them, and the lines that continue them. It returns from == to when there is
// none.
func findHeaders(lines []line, from, to int) (int, int) {
	start, end, labels, toFrom := -1, -1, 0, false
	limit := min(to, from+40)
	for i := from; i < limit; i++ {
		t := lines[i].text
		if t == "" {
			if start >= 0 && labels >= 2 {
				// A blank line inside the headers is allowed when more follow.
				if j := nextNonBlank(lines, i, limit); j < limit && headerLabel(lines[j].text) != "" {
					continue
				}
				break
			}
			continue
		}
		if _, encl := lex.label(secLabelEnclosure, t); encl && start >= 0 {
			end = i + 1 // "Encl.: 2" among the headers
			continue
		}
		if l := headerLabel(t); l != "" {
			if start < 0 {
				start = i
			}
			labels++
			toFrom = toFrom || l == secLabelTo || l == secLabelFrom
			end = i + 1
			continue
		}
		if start >= 0 {
			if isContinuation(lines[i]) {
				end = i + 1
				continue
			}
			break
		}
	}
	if start < 0 || labels < 2 || !toFrom {
		return 0, 0
	}
	return start, end
}

// headerSections are the labels of memo headers.
var headerSections = []section{secLabelTo, secLabelFrom, secLabelCC, secLabelBCC,
	secLabelSubject, secLabelDate, secLabelReference}

// headerLabel returns the section of a labelled header line ("To: …"), or "".
func headerLabel(t string) section {
	if attentionLine(t) {
		return "" // "Attn: Mr Tane" belongs to the addressee's block, not to memo headers
	}
	for _, s := range headerSections {
		if v, ok := lex.label(s, t); ok && (v != "" || s == secLabelCC || s == secLabelTo) {
			if _, _, colon := cutColon(t); colon || strings.Contains(t, "\t") || strings.Contains(t, "  ") {
				return s
			}
		}
	}
	return ""
}

// isContinuation reports whether a line continues the header above it: indented, or
// an entry of a list.
func isContinuation(l line) bool {
	return strings.HasPrefix(l.raw, " ") || strings.HasPrefix(l.raw, "\t")
}

// headers adds the memo header zones.
func (lay *layout) headers(from, to int) {
	for i := from; i < to; i++ {
		t := lay.lines[i].text
		if t == "" {
			continue
		}
		l := headerLabel(t)
		if l == "" && attentionLine(t) {
			// "À l'attention de Monsieur Patrick Ollivier," among a note's headers: its
			// addressee, as a To header.
			f := foldLine(t)
			n, _ := lex.prefix(secAttention, f)
			z := lay.add(zHeader, i, i+1)
			z.label, z.value = secLabelTo, strings.TrimSpace(strings.TrimLeft(f.after(n), ":： "))
			continue
		}
		if l == "" {
			if _, ok := lex.label(secLabelEnclosure, t); ok {
				continue // "پیوست: دارد", "Encl.: 2": beside the headers, none of them
			}
			// a continuation: extend the last header
			if n := len(lay.zones); n > 0 && lay.zones[n-1].kind == zHeader {
				lay.zones[n-1].to = i + 1
				lay.zones[n-1].value += "\n" + t
			}
			continue
		}
		// Two headers side by side ("شماره: ۳۱۵/م‌ا/۹۹          تاریخ: ۵ اسفند ۱۳۹۹"):
		// each part that is a header of its own is one.
		for _, p := range headerParts(t) {
			pl := headerLabel(p)
			v, _ := lex.label(pl, p)
			if c, ok := dateColumn(v); ok && pl == secLabelReference {
				lay.add(zDate, i, i+1).value = c // "Ref: MH/DHS/142          4th April, 2024"
			}
			z := lay.add(zHeader, i, i+1)
			z.label, z.value = pl, v
		}
	}
}

// headerParts splits a header line at each gap that a header label follows: "Ref:
// AP/22/14          Date:  4 May 2022" is two headers side by side.
func headerParts(t string) []string {
	var parts []string
	start := 0
	for _, g := range gap.FindAllStringIndex(t, -1) {
		if g[0] > start && headerLabel(t[g[1]:]) != "" {
			parts = append(parts, strings.TrimSpace(t[start:g[0]]))
			start = g[1]
		}
	}
	return append(parts, strings.TrimSpace(t[start:]))
}

// findVerbale finds a note verbale's opening sentence among the first paragraphs and
// returns it and its line.
func findVerbale(lines []line, from, to int) (*verbaleOpening, int) {
	seen := 0
	for _, b := range blocksIn(lines, from, to) {
		if seen++; seen > 12 {
			break
		}
		text := joinText(lines, b.start, b.end)
		if v, ok := matchVerbale(text); ok {
			return v, b.start
		}
	}
	return nil, -1
}

// joinText joins the lines' text with spaces.
func joinText(lines []line, from, to int) string {
	var parts []string
	for i := from; i < to; i++ {
		if t := lines[i].text; t != "" {
			parts = append(parts, t)
		}
	}
	return strings.Join(parts, " ")
}

// matchVerbale matches a note-verbale template at the start of a paragraph.
func matchVerbale(text string) (*verbaleOpening, bool) {
	f := foldLine(text)
	for _, t := range lex.verbale {
		if v, ok := t.match(f); ok {
			return v, true
		}
	}
	return nil, false
}

// match matches a template against the start of f: a party takes the words up to the
// next literal part (at most 30 words).
func (t template) match(f fwords) (*verbaleOpening, bool) {
	pos := 0
	found := map[string][2]int{}
	for k, p := range t.parts {
		if p.party == "" {
			if !hasPrefix(f.w[pos:], p.words) {
				return nil, false
			}
			pos += len(p.words)
			continue
		}
		// A party ends where the next literal starts (or at the sentence's end).
		var next phrase
		if k+1 < len(t.parts) {
			next = t.parts[k+1].words
		}
		start := pos
		for ; pos < len(f.w) && pos-start <= 30; pos++ {
			if next != nil && hasPrefix(f.w[pos:], next) {
				break
			}
			if next == nil && pos > start && clauseEnds(f, pos) {
				break // the last party ends with its clause: "… to the Embassy of X and, with reference to …"
			}
		}
		if pos == start || pos-start > 30 || next != nil && pos >= len(f.w) {
			return nil, false
		}
		found[p.party] = [2]int{start, pos}
	}
	cut := func(r [2]int) string {
		from := 0
		if r[0] > 0 {
			from = f.end[r[0]-1]
		}
		return dropLeadingArticle(trimPunct(trimJoiner(f.src[from:f.end[r[1]-1]])))
	}
	return &verbaleOpening{author: cut(found["author"]), recipient: cut(found["recipient"])}, true
}

// clauseEnds reports whether a clause ends before word k of f: the word is a
// conjunction ("and", "et", "und", "و"), or a comma or semicolon follows the word
// before it, or a stop that ends no abbreviation.
func clauseEnds(f fwords, k int) bool {
	if clauseConjunctions[f.w[k]] {
		return true
	}
	rest := strings.TrimLeft(f.src[f.end[k-1]:], " »”\")")
	if strings.HasPrefix(rest, ".") {
		return len([]rune(f.w[k-1])) > 3 // not after "U.S." or "St."
	}
	return strings.HasPrefix(rest, ",") || strings.HasPrefix(rest, ";") || strings.HasPrefix(rest, "،")
}

// clauseConjunctions join clauses after a note verbale's addressee.
var clauseConjunctions = foldSet("and", "et", "und", "y", "e", "en", "и", "و")

// headOfUnmarked finds where the body starts in a letter without salutation, headers
// or note-verbale opening: after the leading blocks of short lines (title, letterhead,
// addresses, date, subject), at the first paragraph of prose.
func headOfUnmarked(lines []line, from, to int) int {
	blocks := blocksIn(lines, from, min(to, from+maxHeadLines))
	for k, b := range blocks {
		if !blockIsProse(lines, b) {
			continue
		}
		if v, ok := lex.label(secLabelSubject, lines[b.start].text); ok && v != "" {
			continue // "OGGETTO: … wrapped over two lines.": the subject, however long
		}
		// An editorial lead: prose before an addressee block that the letter's
		// prose follows ("… The text of the letter is as follows:" over "Mr. Edi
		// Rama / Prime Minister …").
		if k+2 < len(blocks) && k < 3 && !blockIsProse(lines, blocks[k+1]) && looksLikeAddress(lines, blocks[k+1]) &&
			blockIsProse(lines, blocks[k+2]) {
			return blocks[k+2].start
		}
		return b.start
	}
	return from
}

// findClosing finds the complimentary close after the body starts: the last short line
// that starts with a closing cue, or the last paragraph holding a closing formula (a
// note verbale's "avails itself of this opportunity"). It returns its lines [at, to),
// or -1.
func findClosing(lines []line, from, to int, verbale bool) (int, int) {
	at, end := -1, -1
	for i := from; i < to; i++ {
		t := lines[i].text
		if t == "" || len(t) > maxCueLine {
			continue
		}
		f := foldLine(withoutVocative(t))
		if n, ok := lex.prefix(secClosing, f); ok && len(f.w)-n <= 6 {
			at, end = i, i+1
		}
	}
	// A close of two lines, each a cue ("Mit vorzüglicher Hochachtung / Ihr sehr
	// ergebener"), starts at the first.
	for at > from && !lines[at-1].blank() && (isClosingLine(lines[at-1].text) || leadsIntoClose(lines[at-1].text)) {
		at--
	}
	if at >= 0 {
		return at, end
	}
	blocks := blocksIn(lines, from, to)
	for _, b := range blocks[max(0, len(blocks)-8):] { // a closing formula ends the letter
		f := foldLine(joinText(lines, b.start, b.end))
		if lex.contains(secNoteVerbaleClose, f) || lex.contains(secClosingFormula, f) {
			at, end = b.start, b.end
		}
	}
	return at, end
}

// leadsIntoClose reports whether t is a short line that leads into the close on the
// line under it: "I am, Dear Sir,", "Ich verbleibe", "Je demeure, Monsieur," (lexicon
// section pre-closing).
func leadsIntoClose(t string) bool {
	if len(t) > maxCueLine {
		return false
	}
	f := foldLine(withoutVocative(t))
	n, ok := lex.prefix(secPreClosing, f)
	return ok && len(f.w)-n <= 3
}

// isClosingLine reports whether t is a complimentary close on its own line.
func isClosingLine(t string) bool {
	if len(t) > maxCueLine {
		return false
	}
	f := foldLine(withoutVocative(t))
	n, ok := lex.prefix(secClosing, f)
	return ok && len(f.w)-n <= 6
}

// withoutVocative removes the addressee named between commas inside a closing
// ("وتفضلوا، سيدي الوالي، بقبول فائق …", "Veuillez agréer, Monsieur le Maire,
// l'expression …"), so that the closing reads as its cue.
func withoutVocative(t string) string {
	for _, comma := range []string{"،", ","} {
		parts := strings.SplitN(t, comma, 3)
		if len(parts) == 3 && words(parts[0]) <= 3 && words(parts[1]) >= 1 && words(parts[1]) <= 4 {
			return strings.TrimSpace(parts[0]) + " " + strings.TrimSpace(parts[2])
		}
	}
	return t
}

// tailOfUnclosed finds where the body ends in a letter with no complimentary close:
// before the trailing blocks that are lists, enclosures or a signature (short lines).
func tailOfUnclosed(lines []line, from, to int) int {
	blocks := blocksIn(lines, from, to)
	end := to
	for k := len(blocks) - 1; k >= 0 && k >= len(blocks)-12; k-- {
		b := blocks[k]
		if blockIsProse(lines, b) && !isTailMarker(lines[b.start].text) &&
			!(b.end-b.start == 1 && isDateLine(lines[b.start].text)) { // "En Alcalá de Henares, a 18 de mayo de 2021."
			// A signature written straight under the last paragraph, with no blank
			// line: the short lines after its last line of prose, when a name is
			// among them.
			last := b.start
			for i := b.start; i < b.end; i++ {
				if isProse(lines[i].text) {
					last = i
				}
			}
			for i := last + 1; i < b.end && i <= last+4; i++ {
				if roleOf(lines[i].text) == rolePerson {
					return last + 1
				}
			}
			break
		}
		end = b.start
	}
	return end
}

// paragraphAt returns the block of lines that starts at i: up to the next blank line.
func paragraphAt(lines []line, i, to int) span {
	end := i
	for end < to && !lines[end].blank() {
		end++
	}
	return span{i, end}
}

// blockIsProse reports whether a block has a line of prose, or is a paragraph
// wrapped into short lines: long lines of words on average that end a sentence
// (an address or a signature has few words a line, and ends in none).
func blockIsProse(lines []line, b span) bool {
	n := 0
	for i := b.start; i < b.end; i++ {
		if isProse(lines[i].text) {
			return true
		}
		n += words(lines[i].text)
	}
	return b.end-b.start >= 2 && n >= 7*(b.end-b.start) && endsSentence(lines[b.end-1].text)
}

// isTailMarker reports whether t starts a copy list, an enclosure or a postscript.
func isTailMarker(t string) bool {
	for _, s := range []section{secLabelCC, secLabelBCC, secLabelEnclosure} {
		if _, ok := lex.label(s, t); ok {
			return true
		}
	}
	if isListHead(secLabelCC, t) || isListHead(secLabelBCC, t) {
		return true // "Abschrift an den Herrn Dekan …", "Copy to Mr. …"
	}
	_, ok := lex.prefix(secPostscript, foldHead(t))
	return ok
}

// delegation reports whether a postscript's mark at line i is a signature's "por
// delegación" (Spanish "P.D." is both): followed by nothing but a reference in
// brackets ("P.D. (Decreto 112/2019)"), with the delegate's title under it.
func delegation(lines []line, i, to int) bool {
	f := foldHead(lines[i].text)
	n, _ := lex.prefix(secPostscript, f)
	rest := strings.TrimSpace(strings.TrimLeft(f.after(n), ".:"))
	if rest != "" && !strings.HasPrefix(rest, "(") {
		return false
	}
	j := nextNonBlank(lines, i+1, to)
	return j < to && isTitleText(strings.TrimSuffix(lines[j].text, ","))
}

// head zones the lines before the body: invocation, headings, title, letterhead,
// references, date, addressee, subject.
func (lay *layout) head(from, to, sal, hdrFrom, hdrTo int, page map[int]bool) {
	lines := lay.lines
	var blocks []span
	for _, b := range splitLetterheads(lines, blocksIn(lines, from, to)) {
		// Lines with a role of their own come out of their block.
		start := b.start
		for i := b.start; i < b.end; i++ {
			if i == sal || (i >= hdrFrom && i < hdrTo) || page[i] {
				if i > start {
					blocks = append(blocks, span{start, i})
				}
				start = i + 1
				if page[i] {
					lay.add(zPage, i, i+1)
				}
				continue
			}
			if i+1 < b.end && infoRow(lines[i].raw) {
				// An information block: a row of labels over a row of values
				// ("Ihr Zeichen   Unser Zeichen   Datum" over "KD/4471   17.11.2016").
				if i > start {
					blocks = append(blocks, span{start, i})
				}
				lay.add(zReference, i, i+2)
				if d := infoDate(lines[i].raw, lines[i+1].raw); d != "" {
					lay.add(zDate, i+1, i+2).value = d
				}
				start = i + 2
				i++
				continue
			}
			if k, label, value := headLine(lines[i].text); k != zNone {
				at := i
				if k == zDate && label == "" && i > start && placeAbove(lines[i-1].text) {
					// "Little Bardfield," over "3rd June 1908.": the place of the date.
					at, value = i-1, strings.TrimSuffix(strings.TrimSpace(lines[i-1].text), ",")+", "+value
				}
				if at > start {
					blocks = append(blocks, span{start, at})
				}
				z := lay.add(k, at, i+1)
				z.label, z.value = label, value
				for k == zSubject && label != "" && i+1 < b.end && isContinuation(lines[i+1]) && !page[i+1] {
					// "OGGETTO: S.P. 8 … per lavori di" / "         consolidamento del
					// ponte …": a subject wrapped onto indented lines.
					if nk, _, _ := headLine(lines[i+1].text); nk != zNone {
						break
					}
					i++
					z.to, z.value = i+1, z.value+" "+lines[i].text
				}
				start = i + 1
			}
		}
		if start < b.end {
			blocks = append(blocks, span{start, b.end})
		}
	}
	// The unlabelled blocks: the letterhead comes first, the addressee last before the
	// salutation; a lone line before the addressee is a title, one after it a subject.
	// A line standing alone at the very top, with more after it, that addresses no
	// one ("To …", an honorific, a name) is the title: "Offener Brief an den
	// Bundesminister des Innern", "A reply to the Prime Minister's statement".
	title := -1
	if len(blocks) > 0 {
		b := blocks[0]
		t := lines[b.start].text
		f := foldLine(t)
		n, pre := lex.prefix(secAddresseePrefix, f)
		if pre && (namesLetter(f.w[:n]) || !namesParty(f.after(n))) {
			// "Open letter to …", "Offener Brief an …": a title naming its addressee;
			// "A reply to …": no addressee at all.
			pre = false
		}
		_, hon := lex.prefix(secHonorific, f)
		wrapped := b.end-b.start == 2 && startsLower(lines[b.start+1].text) // "Offener Brief an … / zur geplanten Schließung …"
		if (b.end-b.start == 1 || wrapped) && onlyOrnamentsBefore(lay, lines, from, b.start) && (len(blocks) > 1 || sal >= 0 || b.end < to) &&
			!pre && !hon && !isPersonText(t) && !looksLikeLetterhead(lines, b) && !isProse(t) && !namesOrganisation(t) {
			title = 0
		}
	}
	// A copy list in the head ("e p.c.  Al Sig. Prefetto di Pavia", "c.c.:"), as
	// Italian and Spanish official letters write it under the addressee: its block and
	// the addressee-like blocks after it are its entries.
	copyFrom := len(blocks)
	for k, b := range blocks {
		if isListHead(secLabelCC, lines[b.start].text) {
			copyFrom = k
			break
		}
	}
	copyTo := copyFrom + 1
	for copyTo < len(blocks) && looksLikeAddress(lines, blocks[copyTo]) {
		copyTo++
	}
	// "Генеральному директору … Кудрявцеву А. П." over "от начальника отдела
	// логистики / Смирновой Е. В.": a block after the addressee that opens with
	// "from" names the sender, as a memo's From header does.
	fromBlock := -1
	for k := 1; k < min(len(blocks), copyFrom); k++ {
		f := foldLine(lines[blocks[k].start].text)
		if n, ok := lex.prefix(secLabelFrom, f); ok && n < len(f.w) && looksLikeAddress(lines, blocks[k-1]) {
			fromBlock = k
			break
		}
	}
	addr := -1
	for k := min(len(blocks), copyFrom) - 1; k > title; k-- {
		if hdrTo > hdrFrom && blocks[k].end <= hdrFrom {
			break // above a memo's headers, whose To names the addressee: the letterhead
		}
		if k == fromBlock {
			continue
		}
		if looksLikeAddress(lines, blocks[k]) {
			addr = k
			break
		}
	}
	// "Attn: Mr Rawiri Tane, Operations Manager" standing apart from the addressee's
	// block, just under or over it, is part of it.
	addrEnd := -1
	for k := min(len(blocks), copyFrom) - 2; k > max(title, addr); k-- {
		// "Петренко Ольге Викторовне" alone, then its street and town under a blank
		// line: one addressee's block.
		b, next := blocks[k], blocks[k+1]
		if b.end-b.start == 1 && isPersonText(lines[b.start].text) && isAddressText(lines[next.start].text) {
			addr, addrEnd = k, k+1
			break
		}
	}
	if addrEnd < 0 && addr >= 0 && addr+1 < min(len(blocks), copyFrom) && attentionLine(lines[blocks[addr+1].start].text) && blocks[addr+1].end-blocks[addr+1].start <= 2 {
		addrEnd = addr + 1
	} else if addrEnd < 0 && addr > title+1 && attentionLine(lines[blocks[addr].start].text) && looksLikeAddress(lines, blocks[addr-1]) {
		addr, addrEnd = addr-1, addr
	}
	for k, b := range blocks {
		switch {
		case k == fromBlock:
			f := foldLine(lines[b.start].text)
			n, _ := lex.prefix(secLabelFrom, f)
			z := lay.add(zHeader, b.start, b.end)
			z.label, z.value = secLabelFrom, strings.TrimSpace(f.after(n)+" "+joinText(lines, b.start+1, b.end))
		case k == addrEnd:
		case k == addr && addrEnd > addr:
			lay.add(zAddress, b.start, blocks[addrEnd].end)
		case k == copyFrom:
			v, _ := listHead(secLabelCC, lines[b.start].text)
			z := lay.add(zCopy, b.start, blocks[copyTo-1].end)
			z.label, z.value = secLabelCC, v
		case k > copyFrom && k < copyTo:
		case k == title:
			lay.add(zTitle, b.start, b.end)
		case k == addr:
			lay.add(zAddress, b.start, b.end)
		case addr >= 0 && k > addr && b.end-b.start == 1:
			lay.add(zSubject, b.start, b.end).value = lines[b.start].text
		case addr >= 0 && k > addr && k == len(blocks)-1 && wrappedSubject(lines, b):
			// "О подготовке к отопительному / сезону 2023/2024 гг.": a subject over
			// two or three lines, last before the salutation.
			lay.add(zSubject, b.start, b.end).value = joinText(lines, b.start, b.end)
		case blockIsProse(lines, b):
			lay.add(zLead, b.start, b.end)
		default:
			lay.add(zLetterhead, b.start, b.end)
		}
	}
}

// bareSubject reads a subject label written without its colon ("Re Priory Church
// …"), on a line alone, short, over a blank line.
func bareSubject(lines []line, i, end int) (string, bool) {
	t := lines[i].text
	f := foldLine(t)
	n, ok := lex.prefix(secLabelSubject, f)
	if !ok || n >= len(f.w) || words(t) > 20 || i+1 >= end || !lines[i+1].blank() {
		return "", false
	}
	return strings.TrimSpace(strings.TrimLeft(f.after(n), ".:- ")), true
}

// attentionLine reports whether t names the person an addressee's letter is for:
// "Attn:", "z. Hd.", "À l'attention de", "Alla c.a." (lexicon section attention).
func attentionLine(t string) bool {
	f := foldLine(t)
	n, ok := lex.prefix(secAttention, f)
	return ok && n < len(f.w) && len(f.w)-n <= 8
}

// wrappedSubject reports whether a block of two or three lines reads as one subject
// wrapped: no contact, date or name among its lines, each short, the first no
// address line and starting as a subject does (a capital or a script without case);
// a later line may hold a number ("сезону 2023/2024 гг.").
func wrappedSubject(lines []line, b span) bool {
	if n := b.end - b.start; n < 2 || n > 3 || !(startsUpper(lines[b.start].text) || !hasCase(lines[b.start].text)) || isSalutationLine(lines[b.start].text) {
		return false
	}
	for i := b.start; i < b.end; i++ {
		t := lines[i].text
		if i == b.start && isAddressText(t) || isContactText(t) || isDateLine(t) || isPersonText(t) || runes(t) > 90 || strings.HasSuffix(t, ",") {
			return false
		}
	}
	return true
}

// headLine classifies a head line that has a role of its own: an invocation, a
// heading, a reference, a date line, a labelled subject.
func headLine(t string) (zoneKind, section, string) {
	switch {
	case lex.is(secInvocation, t):
		return zInvocation, "", ""
	case lex.is(secHeading, t):
		return zHeading, "", ""
	}
	if v, ok := lex.label(secLabelSubject, t); ok && v != "" {
		return zSubject, secLabelSubject, v
	}
	if label, rest, colon := cutColon(t); colon && lex.is(secLabelReference, label) && len(splitGap(rest)) < 2 {
		// "Ihre Nachricht:   14.02.2022": the date of the letter answered, not this
		// one's (a reference beside a date in its own column, "Ref: MH/142      4th
		// April, 2024", is read as a date column below)
		return zReference, secLabelReference, strings.TrimSpace(rest)
	}
	if c, ok := dateColumn(t); ok {
		return zDate, "", c // "No. 41/1987          Lisbon, 2 March 1987"
	}
	if v, ok := lex.label(secLabelReference, t); ok {
		return zReference, secLabelReference, v
	}
	if v, ok := lex.label(secLabelDate, t); ok && v != "" {
		return zDate, secLabelDate, v
	}
	if isDateLine(t) {
		return zDate, "", t
	}
	return zNone, "", ""
}

// isDateLine reports whether t is a date line: a date with at most a place before or
// after it.
func isDateLine(t string) bool {
	if m := firstNumericDate(t); m != "" && m == strings.TrimRight(strings.TrimSpace(t), ".") {
		return true // "03/04/2019": a date, whichever it is
	}
	if _, ok := numericIn(t, true); ok && words(t) <= 6 {
		return true // "Altenbrück, den 12.4.1979"
	}
	d, before, after, ok := textdate.Find(t)
	if !ok || d.Date == nil && d.NotBefore == nil {
		return false
	}
	if after = trimJoiners(after, false); refNumber.MatchString(after) || equivalentDate(after) {
		after = "" // "12 марта 2020 г. № 58", "12 نونبر 2022، الموافق 18 ربيع الآخر 1444"
	}
	return words(cleanPlace(trimJoiners(before, true))) <= 4 && words(after) <= 2
}

// looksLikeAddress reports whether a block reads as an addressee: two to eight short
// lines, or one line naming someone, that are not a letterhead's contact lines.
func looksLikeAddress(lines []line, b span) bool {
	n := b.end - b.start
	if n > 9 || blockIsProse(lines, b) {
		return false
	}
	for i := b.start; i < b.end && n > 1; i++ {
		if f := foldLine(lines[i].text); i < b.start+3 {
			if k, ok := lex.prefix(secAddresseePrefix, f); ok && k < len(f.w) {
				// "Aan de gemeenteraad van …", "T.a.v. mevrouw …" over a post box
				return true
			}
		}
	}
	if looksLikeLetterhead(lines, b) {
		return false
	}
	party := false
	for i := b.start; i < b.end; i++ {
		switch roleOf(lines[i].text) {
		case rolePerson, roleTitle, roleOrg:
			party = true
		}
	}
	if !party && !lex.hasWord(secAddresseePrefix, lines[b.start].text) {
		return false
	}
	t := lines[b.start].text
	if n == 1 {
		f := foldLine(t)
		_, pre := lex.prefix(secAddresseePrefix, f)
		_, hon := lex.prefix(secHonorific, f)
		return pre || hon || isTitleText(t) && !isProse(t)
	}
	return true
}

// looksLikeLetterhead reports whether a block carries a letterhead's marks: contact
// lines (telephone, fax, email, web), or a sender line of parts joined by "·" or "|".
func looksLikeLetterhead(lines []line, b span) bool {
	for i := b.start; i < b.end; i++ {
		t := lines[i].text
		if strings.Count(t, "·") >= 2 || strings.Count(t, "|") >= 2 || strings.Contains(t, "@") ||
			strings.Contains(strings.ToLower(t), "www.") {
			return true
		}
		if _, ok := lex.prefix(secContact, foldLine(t)); ok {
			return true
		}
	}
	return false
}

// tail zones the lines after the close: signatures, copy lists, enclosures,
// postscripts, a date line, an addressee block at the foot.
func (lay *layout) tail(from, to int, page map[int]bool) {
	lines := lay.lines
	i := nextNonBlank(lines, from, to)
	sigFrom := -1
	flushSig := func(end int) {
		if sigFrom >= 0 {
			lay.addSignatures(sigFrom, end)
			sigFrom = -1
		}
	}
	for i < to {
		t := lines[i].text
		if t == "" || page[i] {
			if page[i] {
				lay.add(zPage, i, i+1)
			}
			i++
			continue
		}
		f := foldLine(t)
		switch {
		case isListHead(secLabelBCC, t):
			flushSig(i)
			i = lay.list(zBlindCopy, secLabelBCC, i, to)
			continue
		case isListHead(secLabelCC, t):
			flushSig(i)
			i = lay.list(zCopy, secLabelCC, i, to)
			continue
		case isListHead(secLabelEnclosure, t):
			flushSig(i)
			i = lay.list(zEnclosure, secLabelEnclosure, i, to)
			continue
		}
		if _, ok := lex.prefix(secPostscript, f); ok && !delegation(lines, i, to) {
			flushSig(i)
			end := i + 1
			for end < to && !lines[end].blank() {
				end++
			}
			// A postscript runs on over its paragraphs until another marker.
			for j := nextNonBlank(lines, end, to); j < to && blockIsProse(lines, span{j, j + 1}) && !isTailMarker(lines[j].text); j = nextNonBlank(lines, end, to) {
				for end = j; end < to && !lines[end].blank(); end++ {
				}
			}
			lay.add(zPostscript, i, end)
			i = end
			continue
		}
		if strings.HasPrefix(t, "[") && strings.HasSuffix(t, "]") {
			flushSig(i)
			lay.add(zOther, i, i+1)
			i++
			continue
		}
		if c, ok := dateColumn(t); (ok || isDateLine(t)) && (sigFrom < 0 || i > sigFrom) {
			if !ok {
				c = t
			}
			flushSig(i)
			lay.add(zDate, i, i+1).value = c
			i++
			continue
		}
		if sigFrom < 0 {
			sigFrom = i
		}
		i++
	}
	flushSig(to)
}

// isListHead reports whether t opens a list of sec: the label alone, or with its first
// entries after it.
func isListHead(sec section, t string) bool {
	_, ok := listHead(sec, t)
	return ok
}

// listHead reads a list's head: a label ("cc:", "Verteiler:"), or, after the close,
// a label of two words or more with its first entry and no colon ("Copy to Mr. F.
// W. Haslam").
func listHead(sec section, t string) (string, bool) {
	if v, ok := lex.label(sec, t); ok {
		return v, true
	}
	f := foldLine(t)
	if n, ok := lex.prefix(sec, f); ok && n >= 2 && n < len(f.w) && (sec == secLabelCC || sec == secLabelBCC) {
		return f.after(n), true
	}
	return "", false
}

// list adds a list zone from its head at i: the entries on the head's line and on the
// lines below, up to a blank line that is not followed by more entries of the list.
func (lay *layout) list(k zoneKind, sec section, i, to int) int {
	lines := lay.lines
	v, _ := listHead(sec, lines[i].text)
	end := i + 1
	for end < to {
		if lines[end].blank() {
			j := nextNonBlank(lines, end, to)
			if j < to && isEntryLine(lines[j]) && j-end <= 1 && !isTailMarker(lines[j].text) {
				end = j
				continue
			}
			break
		}
		if isTailMarker(lines[end].text) {
			break
		}
		end++
	}
	z := lay.add(k, i, end)
	z.label, z.value = sec, v
	return end
}

// isEntryLine reports whether a line is a list entry: bulleted or numbered, or indented.
func isEntryLine(l line) bool {
	if _, ok := stripBullet(l.text); ok {
		return true
	}
	return isContinuation(l)
}

// addSignatures adds the signature zones of lines [from, to): one a block, blocks
// being separated by blank lines; a block that is only a place, or only an
// organisation's name over the signatories, stays with them.
func (lay *layout) addSignatures(from, to int) {
	hasAddress := len(lay.find(zAddress)) > 0
	signed := false
	for _, b := range blocksIn(lay.lines, from, to) {
		// An addressee written at the foot, as older letters and notes verbales do
		// ("To the Clerk, / Dunmow Rural District Council"), when the head has none.
		if f := foldLine(lay.lines[b.start].text); !hasAddress {
			if k, ok := lex.prefix(secAddresseePrefix, f); ok && len(strings.Join(f.w[:k], "")) > 1 && (k < len(f.w) || b.end-b.start > 1) &&
				!lex.is(secOnBehalf, lay.lines[b.start].text) {
				lay.add(zAddress, b.start, b.end)
				continue
			}
			if signed && footAddressee(lay.lines, b) {
				lay.add(zAddress, b.start, b.end)
				continue
			}
		}
		lay.add(zSignature, b.start, b.end)
		signed = true
	}
}

// footAddressee reports whether a block after the signature is the addressee's,
// written without "To": a title over its organisation ("The Clerk, / Dunmow Rural
// District Council, / Great Dunmow.").
func footAddressee(lines []line, b span) bool {
	if b.end-b.start < 2 {
		return false
	}
	first := dropLeadingArticle(trimPunct(lines[b.start].text))
	if !isTitleText(first) || isPersonText(first) {
		return false
	}
	for i := b.start + 1; i < b.end; i++ {
		if isOrgText(lines[i].text) {
			return true
		}
	}
	return false
}

// namesOrganisation reports whether a line is an organisation's name rather than a
// heading about one: it starts with an organisation word ("Ministry of …", "جمعية …",
// "Stichting …") or ends with a company's form ("… GmbH", "… Ltd").
func namesOrganisation(t string) bool {
	f := foldLine(t)
	if _, ok := lex.prefix(secOrganisationWord, f); ok {
		return true
	}
	return len(f.w) > 1 && lex.words[secOrganisationWord][f.w[len(f.w)-1]] && len(f.w) <= 6
}

// cells splits a row of an information block at runs of two or more spaces, and
// returns each cell's text and the column (in characters) where it starts.
func cells(raw string) (texts []string, cols []int) {
	r := []rune(raw)
	start, spaces := -1, 0
	for i := 0; i <= len(r); i++ {
		if i < len(r) && r[i] != ' ' && r[i] != '\t' {
			if start < 0 || spaces >= 2 {
				if start >= 0 {
					texts = append(texts, strings.TrimSpace(string(r[start:i])))
				}
				start = i
				cols = append(cols, i)
			}
			spaces = 0
			continue
		}
		spaces++
	}
	if start >= 0 {
		texts = append(texts, strings.TrimSpace(string(r[start:])))
	}
	return texts, cols
}

// infoRow reports whether a line is the label row of an information block: two or
// more cells that are reference or date labels.
func infoRow(raw string) bool {
	texts, _ := cells(raw)
	n := 0
	for _, t := range texts {
		if lex.is(secLabelReference, t) || lex.is(secLabelDate, t) {
			n++
		}
	}
	return n >= 2
}

// infoDate returns the value under the date label of an information block, by column.
func infoDate(labels, values string) string {
	texts, cols := cells(labels)
	vr := []rune(values)
	for k, t := range texts {
		if !lex.is(secLabelDate, t) {
			continue
		}
		from := cols[k]
		if from >= len(vr) {
			return ""
		}
		// The value may start a little before its label; take the cell around it.
		for from > 0 && vr[from-1] != ' ' {
			from--
		}
		end := len(vr)
		if k+1 < len(cols) && cols[k+1] < end {
			end = cols[k+1]
		}
		return strings.TrimSpace(string(vr[from:end]))
	}
	return ""
}

// namesParty reports whether s starts like a party: a person, a title, an
// organisation, or an honorific.
func namesParty(s string) bool {
	if _, ok := lex.prefix(secHonorific, foldLine(s)); ok {
		return true
	}
	return isPersonText(s) || isTitleText(s) || isOrgText(s) || lex.words[secArticle][firstWord(s)] && namesParty(foldLine(s).after(1))
}

// firstWord returns the first folded word of s.
func firstWord(s string) string {
	if w := foldWords(s); len(w) > 0 {
		return w[0]
	}
	return ""
}

// onlyOrnamentsBefore reports whether nothing but an invocation or a heading stands
// before line at.
func onlyOrnamentsBefore(lay *layout, lines []line, from, at int) bool {
	for i := nextNonBlank(lines, from, at); i < at; i = nextNonBlank(lines, i+1, at) {
		ornament := false
		for _, z := range lay.zones {
			if z.from <= i && i < z.to && (z.kind == zInvocation || z.kind == zHeading) {
				ornament = true
			}
		}
		if !ornament {
			return false
		}
	}
	return true
}

// signs or stars.
func isRule(s string) bool {
	s = strings.TrimSpace(s)
	if len(s) < 3 {
		return false
	}
	return strings.Trim(s, "-_=*~─━ .…·") == ""
}

// splitLetterheads cuts a block that runs on from a letterhead into an addressee
// without a blank line: the letterhead ends with its last contact line when what
// follows names a party.
func splitLetterheads(lines []line, blocks []span) []span {
	var out []span
	for _, b := range blocks {
		last := -1
		for i := b.start; i < b.end; i++ {
			if isContactText(lines[i].text) {
				last = i
			}
		}
		if last >= b.start && last+1 < b.end && namesParty(lines[last+1].text) {
			out = append(out, span{b.start, last + 1}, span{last + 1, b.end})
			continue
		}
		out = append(out, b)
	}
	return out
}

// placeAbove reports whether a line is a place written over its date line: a short
// name ending with a comma.
func placeAbove(t string) bool {
	t = strings.TrimSpace(t)
	if !strings.HasSuffix(t, ",") || words(t) > 4 {
		return false
	}
	_, ok := parsePlace(strings.TrimSuffix(t, ","), true)
	return ok
}

// letterWords name a letter: a line opening with "Open letter to …" is a title that
// names its addressee, not an addressee block.
var letterWords = foldSet("letter", "brief", "lettre", "carta", "lettera", "письмо", "نامه", "رسالة", "rundbrief")

// namesLetter reports whether one of the folded words names a letter.
func namesLetter(words []string) bool {
	for _, w := range words {
		if letterWords[w] {
			return true
		}
	}
	return false
}
