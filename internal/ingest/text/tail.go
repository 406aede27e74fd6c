package text

import (
	"github.com/lettergraph/lettergraph/internal/domain"
)

// Limits of the tail (closing, signature, lists).
const (
	maxClosingDistance = 15  // non-blank lines between the closing and the copy list or end
	maxSignatureLines  = 12  // lines of one signature block without a closing
	maxSignatureBlocks = 6   // signatures one after another without a closing
	maxSignatureRegion = 200 // lines after a closing read as signatures
)

// tail is what the end of a letter says.
type tail struct {
	bodyEnd   int
	cc, bcc   []domain.PartyInput
	signature signature
	ps        []span // postscripts, appended to the body
	found     bool
}

// parseTail reads the end of the letter in lines[from:end]: copy lists, the closing,
// the signature block(s) and postscripts. The body ends at the closing, or where the
// signature starts, or at the first copy list.
func parseTail(lines []line, from, end int) tail {
	t := tail{bodyEnd: end}
	inList := make(map[int]bool)
	firstList := end
	for i := from; i < end; i++ {
		if lines[i].blank() {
			continue
		}
		if inline, ok := enclosureMarker(lines[i].text); ok && i > from {
			_, next := copyList(lines, i, end, inline)
			markList(inList, i, next)
			firstList = min(firstList, i)
			i = next - 1
			continue
		}
		role, inline, ok := copyMarker(lines[i].text)
		if !ok || i == from {
			continue
		}
		items, next := copyList(lines, i, end, inline)
		for _, it := range items[:min(len(items), max(0, domain.MaxParties-len(t.cc)-len(t.bcc)))] {
			p, ok := parseParty(it)
			if !ok {
				continue
			}
			if role == domain.RoleBCC {
				t.bcc = append(t.bcc, p.in)
			} else {
				t.cc = append(t.cc, p.in)
			}
		}
		markList(inList, i, next)
		firstList = min(firstList, i)
		t.found = true
		i = next - 1
	}

	// The closing: the last one within a few lines before the first list.
	closing, inlineSig := -1, ""
	seen := 0
	for i := firstList - 1; i > from && seen < maxClosingDistance; i-- {
		if lines[i].blank() {
			continue
		}
		seen++
		if rest, ok := closingLine(lines[i].text); ok {
			closing, inlineSig = i, rest
			break
		}
	}

	var sigLines []line
	switch {
	case closing >= 0:
		t.bodyEnd, t.found = closing, true
		if inlineSig != "" {
			sigLines = append(sigLines, line{raw: inlineSig, text: inlineSig, no: lines[closing].no})
		}
		sigLines = append(sigLines, t.rest(lines, closing+1, end, inList)...)
	default:
		if start := signatureStart(lines, from, firstList); start >= 0 {
			t.bodyEnd, t.found = start, true
			sigLines = t.rest(lines, start, end, inList)
		} else {
			t.bodyEnd = firstList
			t.rest(lines, firstList, end, inList) // postscripts only
		}
	}
	if len(sigLines) > maxSignatureRegion {
		sigLines = sigLines[:maxSignatureRegion] // what follows so many lines is no signature
	}
	if len(sigLines) > 0 {
		t.signature = parseSignature(sigLines)
	}
	return t
}

func markList(in map[int]bool, from, to int) {
	for i := from; i < to; i++ {
		in[i] = true
	}
}

// rest returns the lines of [from, end) outside the lists, for the signature, and
// records the postscripts among them.
func (t *tail) rest(lines []line, from, end int, inList map[int]bool) []line {
	var out []line
	for i := from; i < end; i++ {
		if inList[i] {
			out = append(out, line{no: lines[i].no}) // a list separates signatories
			continue
		}
		if !lines[i].blank() && isPS(lines[i].text) {
			j := i + 1
			for j < end && !lines[j].blank() && !inList[j] {
				j++
			}
			t.ps = append(t.ps, span{i, j})
			i = j - 1
			continue
		}
		out = append(out, lines[i])
	}
	return out
}

// signatureStart finds a signature block without a closing: the last paragraph(s)
// before the lists that read as signatures (a name, then short lines of title,
// organisation and place), or the short lines ending the last paragraph from a name on.
// It returns -1 when there is none, and never takes the only paragraph of the body.
func signatureStart(lines []line, from, end int) int {
	blocks := blocksIn(lines, from, end)
	start := -1
	for b := len(blocks) - 1; b >= 1 && len(blocks)-b <= maxSignatureBlocks; b-- {
		if !isSignatureBlock(lines, blocks[b]) {
			break
		}
		start = blocks[b].start
	}
	if start >= 0 || len(blocks) == 0 {
		return start
	}
	// "… hated by all Iranians.\nEbrahim Khodabandeh\nNejat Society CEO"
	last := blocks[len(blocks)-1]
	for i := max(last.start+1, last.end-maxSignatureLines); i < last.end; i++ {
		if isSignerName(signerText(lines[i].text)) && isSignatureBlock(lines, span{i, last.end}) &&
			endsSentence(lines[i-1].text) {
			return i
		}
	}
	return -1
}

// isSignatureBlock reports whether a paragraph reads as a signature: a few short lines,
// none of them prose, the first naming a signatory (or a date or place line first).
func isSignatureBlock(lines []line, b span) bool {
	if b.end-b.start > maxSignatureLines {
		return false
	}
	for i := b.start; i < b.end; i++ {
		if t := lines[i].text; runes(t) > 120 || isProse(t) {
			return false
		}
	}
	if columnsAt(lines, b.start) != nil {
		return true
	}
	first := signerText(lines[b.start].text)
	if isSignerName(first) {
		return true
	}
	if _, bullet := stripBullet(lines[b.start].text); bullet {
		// A numbered list of signatories: every item names one.
		for i := b.start; i < b.end; i++ {
			t := signerText(lines[i].text)
			if _, ok := strictOrg(t); !ok && !isSignerName(t) {
				return false
			}
		}
		return true
	}
	if _, ok := cutMark(first, onBehalfMarks); ok {
		return true
	}
	if b.end-b.start <= 3 {
		if _, ok := strictOrg(first); ok {
			return true
		}
		if _, ok := parseOffice(first); ok {
			return true
		}
	}
	return false
}
