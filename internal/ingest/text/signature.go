package text

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/lettergraph/lettergraph/internal/domain"
)

// closingLine recognises the closing of a letter ("Sincerely," "Yours faithfully,"
// "Best regards," "با احترام", "Mit freundlichen Grüßen"). rest is a signature written
// on the same line ("Sincerely, Jane Doe").
func closingLine(s string) (rest string, ok bool) {
	s = strings.TrimSpace(s)
	if s == "" || runes(s) > 200 {
		return "", false
	}
	bare := strings.TrimRight(s, ",.!:;،؛ ")
	if runes(bare) <= 60 && closings[fold(bare)] {
		return "", true
	}
	if left, right, ok := cutComma(s); ok && runes(left) <= 40 && closings[fold(left)] && words(right) <= 6 && !isProse(right) {
		return trimPunct(right), true
	}
	f := fold(s)
	for _, p := range closingPrefixes {
		if strings.HasPrefix(f, p+" ") {
			return "", true
		}
	}
	return "", false
}

// isPS reports whether a line opens a postscript.
func isPS(s string) bool {
	f := strings.ToUpper(strings.TrimSpace(s))
	for _, p := range []string{"P.S.", "P.S:", "PS:", "PS.", "P.P.S.", "PPS:", "PS -", "پی‌نوشت", "پی نوشت"} {
		if strings.HasPrefix(f, p) {
			return true
		}
	}
	return f == "PS" || strings.HasPrefix(f, "PS ")
}

// enclosureMarker recognises the line that lists enclosures ("Enclosure:", "Encl.",
// "Attachments:", "پیوست:"), with what follows it on the line. Enclosures are not
// letters of the graph: the list is left out of body and signature.
func enclosureMarker(s string) (inline string, ok bool) {
	s = strings.TrimSpace(s)
	if r, _ := utf8.DecodeRuneInString(s); !strings.ContainsRune("EeAaپ", r) {
		return "", false
	}
	for _, p := range []string{"enclosures", "enclosure", "encl.", "encl", "enc.", "attachments", "attachment", "پیوست‌ها", "پیوست ها", "پیوست"} {
		if len(s) < len(p) || !strings.EqualFold(s[:len(p)], p) {
			continue
		}
		rest := strings.TrimSpace(s[len(p):])
		switch {
		case rest == "":
			return "", true
		case strings.HasPrefix(rest, ":") || strings.HasPrefix(rest, "："):
			_, after, _ := cutColon(rest)
			return strings.TrimSpace(after), true
		case strings.HasSuffix(p, ".") && !isProse(rest):
			return rest, true
		}
		return "", false
	}
	return "", false
}

// isEnclosure reports whether a line opens a list of enclosures.
func isEnclosure(s string) bool {
	_, ok := enclosureMarker(s)
	return ok
}

// signature is what the signature block says: the signatories as authors, the
// organisations they sign for, and a place or date written under the names.
type signature struct {
	authors  []domain.PartyInput
	onBehalf []domain.OrganisationInput
	place    *place
	date     *dated
}

// signedMarks precede or replace a handwritten signature.
var signedMarks = []string{"(signed)", "signed:", "signed", "/s/", "sgd.", "sgd", "(sgd)", "امضا:", "امضا"}

// onBehalfMarks introduce the organisation a letter is signed for.
var onBehalfMarks = []string{"for and on behalf of", "on behalf of", "in the name of", "for the", "از طرف", "به نمایندگی از", "از سوی"}

// parseSignature reads the lines of a signature block: one signatory, several one
// after another, or several side by side in columns. Each signatory's first line is
// the name (a person, or an organisation or office signing as such); the lines under
// it give the title and organisation, a place, a date or contact details.
func parseSignature(lines []line) signature {
	var sig signature
	for _, g := range signatoryGroups(lines) {
		sig.add(g)
	}
	sig.onBehalf = dedupeOrgs(sig.onBehalf)
	if len(sig.onBehalf) == 1 {
		// "On behalf of Nejat Society," above a name: the signatory is of it.
		for i := range sig.authors {
			if a := &sig.authors[i]; a.Person != nil && a.MemberOf == nil && a.Holds == nil {
				a.MemberOf = &domain.MembershipInput{Organisation: sig.onBehalf[0], Role: a.Capacity}
			}
		}
	}
	return sig
}

// signatoryGroups splits a signature block into one group of lines a signatory.
func signatoryGroups(lines []line) [][]string {
	var groups [][]string
	var cur []string
	named := false
	flush := func() {
		if len(cur) > 0 {
			groups = append(groups, cur)
		}
		cur, named = nil, false
	}
	for i := 0; i < len(lines); i++ {
		l := lines[i]
		if l.blank() {
			flush()
			continue
		}
		if cols := columnsAt(lines, i); cols != nil {
			flush()
			groups = append(groups, cols.groups...)
			i = cols.end - 1
			continue
		}
		t := signerText(l.text)
		_, bullet := stripBullet(l.text)
		if bullet || named && isSignerName(t) {
			flush() // each item of a numbered list of signatories is one
		}
		cur = append(cur, l.text)
		if isSignerName(t) {
			named = true
		}
	}
	flush()
	return groups
}

// columnBlock is a run of lines holding signatories side by side.
type columnBlock struct {
	groups [][]string
	end    int
}

// columnsAt recognises signatories side by side: the line at i splits, at runs of three
// or more spaces or a tab, into two or more names. The lines after it, to the next
// blank line, are split at the same columns.
func columnsAt(lines []line, i int) *columnBlock {
	first := columnParts(lines[i].raw)
	if len(first) < 2 || len(first) > 4 {
		return nil
	}
	for _, p := range first {
		if !isSignerName(signerText(p.text)) {
			return nil
		}
	}
	groups := make([][]string, len(first))
	j := i
	for ; j < len(lines) && !lines[j].blank(); j++ {
		for _, p := range columnParts(lines[j].raw) {
			col := 0
			for c := range first {
				if first[c].at <= p.at+2 {
					col = c
				}
			}
			groups[col] = append(groups[col], p.text)
		}
	}
	return &columnBlock{groups: groups, end: j}
}

type columnPart struct {
	text string
	at   int // rune column where the part starts
}

// columnParts splits a line at runs of three or more spaces or at tabs (a tab counts
// as a gap and advances to the next multiple of eight).
func columnParts(raw string) []columnPart {
	var parts []columnPart
	var b strings.Builder
	col, start, spaces := 0, -1, 0
	flush := func() {
		if t := strings.TrimSpace(b.String()); t != "" {
			parts = append(parts, columnPart{text: cleanLine(t), at: start})
		}
		b.Reset()
		start = -1
	}
	for _, r := range raw {
		switch {
		case r == '\t':
			flush()
			spaces = 0
			col = (col/8 + 1) * 8
			continue
		case r == ' ':
			spaces++
			if spaces == 3 {
				flush()
			}
		default:
			if start < 0 {
				start = col
			}
			if spaces > 0 && spaces < 3 && b.Len() > 0 {
				b.WriteString(strings.Repeat(" ", spaces))
			}
			spaces = 0
			b.WriteRune(r)
		}
		col++
	}
	flush()
	return parts
}

// signerText removes the marks of a handwritten signature from a line.
func signerText(s string) string {
	s, _ = stripBullet(strings.TrimSpace(s))
	for _, m := range signedMarks {
		if len(s) > len(m) && strings.EqualFold(s[:len(m)], m) {
			if r, _ := utf8.DecodeRuneInString(s[len(m):]); unicode.IsLetter(r) {
				continue // "Signe Larsen"
			}
			s = strings.TrimSpace(s[len(m):])
			break
		}
	}
	return strings.TrimLeft(s, "-–—_ ")
}

// isSignerName reports whether a line names a person who signs: a name, with a title
// after a comma or after the name, or a title and then a name. (An organisation or an
// office signing as such is recognised where a signatory is expected, not here: its
// line would otherwise start a new signatory under every name.)
func isSignerName(s string) bool {
	if len(s) > maxPartyBytes {
		return false
	}
	s = trimPunct(s)
	if s == "" || runes(s) > 120 || isProse(s) {
		return false
	}
	if _, ok := parsePlace(s, false); ok {
		return false
	}
	if isPersonName(s) {
		return true
	}
	if left, _, ok := cutComma(s); ok && isPersonName(left) {
		return true
	}
	if _, ok := titleThenName(s, nil); ok {
		return true
	}
	_, ok := nameThenTitle(s, nil)
	return ok
}

// add reads one signatory's lines.
func (sig *signature) add(g []string) {
	if len(g) > 2*maxSignatureLines {
		g = g[:2*maxSignatureLines] // columns split from one long line, not a signature
	}
	var p *party
	var orgs []domain.OrganisationInput
	var emails []string
	for _, text := range g {
		t := signerText(text)
		if t == "" {
			continue
		}
		if rest, ok := cutMark(t, onBehalfMarks); ok {
			if org, ok := parseOrganisation(rest, true); ok && org.Kind != domain.OrgGroup {
				orgs = append(orgs, *org)
			}
			continue
		}
		if d, ok := dateLine(t); ok {
			if sig.date == nil {
				sig.date = &d
			}
			if d.place != "" && sig.place == nil {
				if pl, ok := parsePlace(d.place, true); ok {
					sig.place = &pl
				}
			}
			continue
		}
		if strings.Contains(t, "@") {
			rest, found := takeEmails(t)
			emails = append(emails, found...)
			if t = rest; t == "" || isContact(t) {
				continue
			}
		}
		if isContact(t) {
			continue
		}
		if p == nil {
			if !isSignerName(t) {
				if _, ok := parseOffice(t); !ok {
					if _, ok := strictOrg(t); !ok {
						sig.notePlace(t)
						continue
					}
				}
			}
			if pp, ok := parseParty(t); ok {
				p = &pp
			}
			continue
		}
		if sig.notePlace(t) {
			continue
		}
		if p.addTitle(t) {
			continue
		}
		if org, ok := strictOrg(t); ok {
			p.addOrganisation(org)
			continue
		}
		// Under a person's name and title, a short capitalised line that is no name
		// is the organisation even without an organisation word ("Iran Interlink").
		if p.in.Person != nil && p.in.MemberOf == nil && p.in.Holds == nil && words(t) >= 2 && !isSignerName(t) {
			if org, ok := parseOrganisation(t, true); ok && org.Kind != domain.OrgGroup {
				p.addOrganisation(org)
			}
		}
	}
	if p == nil {
		sig.onBehalf = append(sig.onBehalf, orgs...)
		return
	}
	if p.in.Person != nil {
		p.in.Person.Emails = append(p.in.Person.Emails, emails...)
		if p.in.MemberOf != nil {
			orgs = append(orgs, p.in.MemberOf.Organisation)
		}
	}
	sig.authors = append(sig.authors, p.author())
	sig.onBehalf = append(sig.onBehalf, orgs...)
}

// notePlace takes a line that names a place as where the letter was written.
func (sig *signature) notePlace(t string) bool {
	pl, ok := parsePlace(t, false)
	if !ok {
		return false
	}
	if sig.place == nil {
		sig.place = &pl
	}
	return true
}

// cutMark removes a leading phrase of marks from s.
func cutMark(s string, marks []string) (string, bool) {
	for _, m := range marks {
		if len(s) > len(m) && strings.EqualFold(s[:len(m)], m) {
			if r := []rune(s[len(m):]); len(r) > 0 && !unicode.IsSpace(r[0]) && r[0] != ':' {
				continue
			}
			return trimPunct(s[len(m):]), true
		}
	}
	return "", false
}

// isContact reports whether a line gives contact details: a telephone or fax number,
// a web address, a postal code line.
func isContact(s string) bool {
	f := fold(s)
	for _, p := range []string{"tel", "phone", "telephone", "fax", "mobile", "web", "website", "www", "http", "https", "email", "e mail", "تلفن", "نمابر", "فکس", "پست الکترونیک", "تارنما", "وبسایت"} {
		if f == p || strings.HasPrefix(f, p+" ") {
			return true
		}
	}
	digits := 0
	for _, r := range s {
		if unicode.IsDigit(r) {
			digits++
		}
	}
	return digits >= 6 || strings.Contains(s, "://") || strings.HasPrefix(strings.ToLower(s), "www.")
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
