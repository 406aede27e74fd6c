package text

import (
	"strings"
)

// Where the body starts and ends when no salutation, header or note-verbale opening
// marks it, and the complimentary close that ends it.

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
