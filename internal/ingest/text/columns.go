package text

import (
	"strings"
	"unicode/utf8"
)

// A head set in two columns, as DIN 5008 and many official letters set it: the
// addressee on the left, the sender's contact, reference and date block on the right
// (or, in Russian letters, the reference on the left and the addressee on the right).
// Read line by line, each line mixes two blocks. unfoldColumns writes such a run of
// lines as its right column's lines, a blank line, then its left column's, so that
// each column's blocks are blocks again; everything after the run is left as it is.

// minColumn is the least position (in characters) at which a right column starts:
// less is a gap inside one line ("Ihr Zeichen   Unser Zeichen").
const minColumn = 24

// headScan is how far into a letter a two-column head is looked for.
const headScan = 60

// columnLine is one line of a run: the text left of the gap and right of it, and
// where the right part starts (-1 when there is none).
type columnLine struct {
	left, right string
	col         int
}

// splitColumn reads one raw line as columns: "Herrn      Auskunft erteilt: …" has
// both, "                Aktenzeichen 32.4" only the right, "Lindenweg 7" only the
// left.
func splitColumn(raw string) columnLine {
	rs := []rune(strings.ReplaceAll(raw, "\t", "        "))
	i := 0
	for i < len(rs) && rs[i] == ' ' {
		i++
	}
	if i == len(rs) {
		return columnLine{col: -1}
	}
	if i >= minColumn {
		return columnLine{right: string(rs[i:]), col: i}
	}
	// The first gap of three spaces or more after the left part.
	for j := i; j < len(rs); j++ {
		if rs[j] != ' ' {
			continue
		}
		k := j
		for k < len(rs) && rs[k] == ' ' {
			k++
		}
		if k-j >= 3 && k < len(rs) && k >= minColumn {
			return columnLine{left: strings.TrimSpace(string(rs[:j])), right: string(rs[k:]), col: k}
		}
		j = k
	}
	return columnLine{left: strings.TrimSpace(string(rs)), col: -1}
}

// bodyStarts reports whether a line of one column is the salutation or prose: the
// head is over.
func bodyStarts(l line) bool { return isSalutationLine(l.text) || isProse(l.text) }

// near reports whether two column positions are one column, give or take the
// spaces a typist or a converter shifts.
func near(a, b int) bool { return a >= 0 && b >= 0 && a-b <= 4 && b-a <= 4 }

// unfoldColumns finds the first run of the head with two columns (at least two
// lines holding both, at one position) and writes it column by column. Lines keep
// their numbers.
func unfoldColumns(lines []line) []line {
	limit := min(len(lines), headScan)
	start, col := -1, -1
	for i := 0; i < limit; i++ {
		c := splitColumn(lines[i].raw)
		if c.left != "" && c.right != "" {
			start, col = i, c.col
			break
		}
		if bodyStarts(lines[i]) {
			return lines // no two-column head
		}
	}
	if start < 0 {
		return lines
	}
	// Right-only lines just above the first line with both columns are the right
	// column's beginning.
	for start > 0 {
		c := splitColumn(lines[start-1].raw)
		if c.left != "" || c.right == "" || !near(c.col, col) {
			break
		}
		start--
	}
	end, both := start, 0
	for end < limit {
		c := splitColumn(lines[end].raw)
		if (c.left == "" || c.right == "") && bodyStarts(lines[end]) {
			break
		}
		switch {
		case lines[end].blank():
			// A blank line stays in the run when the run goes on after it.
			j := nextNonBlank(lines, end, limit)
			if j >= limit {
				break
			}
			if n := splitColumn(lines[j].raw); n.right == "" || !near(n.col, col) {
				break
			}
			end = j
			continue
		case c.right != "" && near(c.col, col):
			if c.left != "" {
				both++
			}
			end++
			continue
		case c.right == "":
			// A left line with nothing beside it, when the right column goes on
			// within two lines.
			if j := nextNonBlank(lines, end+1, limit); j < limit && j <= end+2 {
				if n := splitColumn(lines[j].raw); n.right != "" && near(n.col, col) {
					end++
					continue
				}
			}
		}
		break
	}
	if both < 2 {
		return lines
	}
	out := make([]line, 0, len(lines)+2)
	out = append(out, lines[:start]...)
	column := func(right, last bool) {
		pending, wrote := false, false // a blank line is written only when a part follows it
		for i := start; i < end; i++ {
			c := splitColumn(lines[i].raw)
			part := c.left
			if right {
				part = c.right
			}
			switch {
			case lines[i].blank():
				pending = wrote
			case part != "":
				if pending {
					out = append(out, line{no: lines[i].no})
					pending = false
				}
				out = append(out, line{raw: strings.TrimRight(part, " "), text: cleanLine(part), no: lines[i].no})
				wrote = true
			}
		}
		if wrote && !(last && (end == len(lines) || lines[end].blank())) {
			out = append(out, line{no: lines[end-1].no})
		}
	}
	column(true, false)
	column(false, true)
	return append(out, lines[end:]...)
}

// forwardedPart drops a forwarding cover over the letter: a marker near the top
// ("---- Forwarded ----", "-----Original Message-----", "Begin forwarded message:"),
// then the forwarder's headers and note up to a rule line, or nothing. The letter
// forwarded is the document; its cover says only who passed it on.
func forwardedPart(lines []line) []line {
	for i := 0; i < min(len(lines), 8); i++ {
		t := strings.Trim(lines[i].text, "-_=*~─━<> :")
		if t == "" || len(t) > maxCueLine || !lex.is(secForwarded, t) {
			continue
		}
		from := i + 1
		for j := i + 1; j < min(len(lines), i+16); j++ {
			if isRule(lines[j].text) {
				from = j + 1
				break
			}
		}
		if nextNonBlank(lines, from, len(lines)) >= len(lines) {
			return lines
		}
		return lines[from:]
	}
	return lines
}

// tableEdges are the characters a drawn table or box starts and ends its lines with.
const tableEdges = "|+│┃║┌┐└┘├┤┬┴┼╔╗╚╝╠╣╦╩╬"

// untable writes a table drawn with pipes and borders ("| TO: | Priya Nair … |",
// "+----+----+") as the lines it holds: the pipes become spaces, so that cells keep
// their columns and a row continued under an empty first cell is indented; the
// border lines become rules.
func untable(lines []line) []line {
	out := make([]line, len(lines))
	for i, l := range lines {
		out[i] = l
		t := strings.TrimSpace(l.raw)
		first, _ := utf8.DecodeRuneInString(t)
		last, _ := utf8.DecodeLastRuneInString(t)
		if runes(t) < 2 || !strings.ContainsRune(tableEdges, first) || !strings.ContainsRune(tableEdges, last) {
			continue
		}
		if strings.Trim(t, tableEdges+"-=─━═") == "" {
			n := runes(t)
			out[i] = line{raw: strings.Repeat("-", n), text: strings.Repeat("-", n), no: l.no}
			continue
		}
		raw := l.raw
		for _, bar := range []string{"|", "│", "┃", "║"} {
			raw = strings.ReplaceAll(strings.Replace(raw, bar, "", 1), bar, " ")
		}
		raw = strings.TrimRight(raw, " ")
		out[i] = line{raw: raw, text: cleanLine(raw), no: l.no}
	}
	return out
}
