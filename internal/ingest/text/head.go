package text

import (
	"strings"
)

// The head's zoning: the lines before the body cut into blocks, and the blocks zoned
// as title, letterhead, addressee, copy list, subject.

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
