package text

import (
	"regexp"
	"strings"
	"unicode/utf8"
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
