package text

import (
	"strings"
)

// The tail's zoning: the lines after the close cut into signatures, copy lists,
// enclosures, postscripts, a date line, an addressee at the foot.

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
