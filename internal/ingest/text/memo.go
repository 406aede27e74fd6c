package text

import (
	"strings"

	"github.com/lettergraph/lettergraph/internal/domain"
)

// memoField is what a memo header gives.
type memoField int

const (
	fieldTo memoField = iota + 1
	fieldFrom
	fieldDate
	fieldSubject
	fieldCC
	fieldBCC
)

// memoKeys are the header names of a memo, English and Persian.
var memoKeys = func() map[string]memoField {
	m := map[string]memoField{}
	for f, keys := range map[memoField][]string{
		fieldTo:      {"to", "attn", "attention", "for the attention of", "به", "گیرنده"},
		fieldFrom:    {"from", "sender", "از", "فرستنده"},
		fieldDate:    {"date", "dated", "تاریخ"},
		fieldSubject: {"subject", "subj", "re", "regarding", "موضوع"},
		fieldCC:      {"cc", "c c", "copy", "copy to", "copies to", "رونوشت", "رونوشت به"},
		fieldBCC:     {"bcc", "b c c"},
	} {
		for _, k := range keys {
			m[domain.Fold(k)] = f
		}
	}
	return m
}()

// maxContinuation bounds the lines that continue one memo header.
const maxContinuation = 20

// headerLine recognises "Name: value" with a memo header name.
func headerLine(s string) (memoField, string, bool) {
	key, value, ok := cutColon(s)
	if !ok || runes(key) > 24 {
		return 0, "", false
	}
	f, ok := memoKeys[fold(key)]
	if !ok {
		return 0, "", false
	}
	return f, strings.TrimSpace(value), true
}

// memo is what the header lines of a memo say.
type memo struct {
	heading    string // a heading above the headers that is more than "MEMORANDUM"
	to, cc     []string
	bcc, from  []string
	date       string
	subject    string
	next       int // the first line after the headers
	recognised bool
}

// parseMemo reads memo headers (To:, From:, Date:, Subject:/Re:, cc:) at the top of a
// letter from line i, under an optional heading ("MEMORANDUM"). It is a memo when at
// least two headers are found and one of them is To or From; indented lines continue
// the header above them, and a rule of dashes or underscores after the headers is
// skipped.
func parseMemo(lines []line, i, end int) memo {
	m := memo{next: i}
	j := i
	if j < end && !lines[j].blank() {
		if _, _, ok := headerLine(lines[j].text); !ok && runes(lines[j].text) <= 80 && !isProse(lines[j].text) {
			if !genericMemoTitles[fold(lines[j].text)] {
				m.heading = lines[j].text
			}
			j = nextNonBlank(lines, j+1, end)
		}
	}
	var last *[]string
	var lastText *string
	count, toFrom, cont := 0, false, 0
	for j < end && count < 20 {
		if lines[j].blank() {
			nb := nextNonBlank(lines, j, end)
			if nb < end && nb-j <= 2 {
				if _, _, ok := headerLine(lines[nb].text); ok {
					j = nb
					continue
				}
			}
			break
		}
		f, v, ok := headerLine(lines[j].text)
		if !ok {
			if indented(lines[j].raw) && (last != nil || lastText != nil) && cont < maxContinuation {
				cont++
				if last != nil {
					*last = append(*last, lines[j].text)
				} else {
					*lastText += " " + lines[j].text
				}
				j++
				continue
			}
			break
		}
		count++
		cont = 0
		last, lastText = nil, nil
		switch f {
		case fieldTo:
			m.to, last, toFrom = append(m.to, v), &m.to, true
		case fieldFrom:
			m.from, last, toFrom = append(m.from, v), &m.from, true
		case fieldCC:
			m.cc, last = append(m.cc, v), &m.cc
		case fieldBCC:
			m.bcc, last = append(m.bcc, v), &m.bcc
		case fieldDate:
			m.date = v
		case fieldSubject:
			m.subject, lastText = v, &m.subject
		}
		j++
	}
	if count < 2 || !toFrom {
		return memo{next: i}
	}
	j = nextNonBlank(lines, j, end)
	if j < end && isRule(lines[j].text) {
		j++
	}
	m.next, m.recognised = j, true
	return m
}

func indented(raw string) bool {
	return strings.HasPrefix(raw, " ") || strings.HasPrefix(raw, "\t")
}

// isRule reports whether a line is a horizontal rule of dashes, underscores, equals
// signs or stars.
func isRule(s string) bool {
	s = strings.TrimSpace(s)
	if len(s) < 3 {
		return false
	}
	return strings.Trim(s, "-_=*~─━ ") == ""
}

// memoParties reads the values of a memo header (or a "To:" line) as a list of parties.
func memoParties(values []string) []party {
	var out []party
	for _, v := range values {
		for _, item := range splitItems(v) {
			if p, ok := parseParty(item); ok {
				out = append(out, p)
			}
		}
	}
	return out
}
