package email

import (
	"net/mail"
	"strings"

	"github.com/lettergraph/lettergraph/internal/domain"
)

// mailbox is one address read from an address field.
type mailbox struct {
	Name  string // display name, or the address when there is none
	Alias string // the display name as written, when Name reorders it ("Doe, John")
	Email string // lower-cased; empty when the address is not a usable one
}

var addressParser = &mail.AddressParser{WordDecoder: wordDecoder}

// Bounds on the work one address field may cause: entries looked at (a list of a
// thousand parties has fewer), and the length of one entry (a mailbox with a display
// name of the longest allowed is well under it).
const (
	maxEntries = 4 * domain.MaxParties
	maxEntry   = 8 << 10
)

// parseAddresses reads an address list (From, To, Cc, Bcc, Sender) given as UTF-8
// text. It never fails: groups contribute their members ("Undisclosed recipients:;"
// none); each entry is read by net/mail and, where net/mail refuses it (obsolete
// routes, comments inside the address, white space around dots), by a tolerant reader;
// an entry with neither a usable address nor a display name is dropped, and so is an
// entry over 8 KiB. Duplicates (by address, else by name) are dropped, at most
// domain.MaxParties kept, and entries after the first maxEntries ignored.
func parseAddresses(s string) []mailbox {
	var out []mailbox
	seen := map[string]bool{}
	for _, piece := range splitAddressList(s) {
		if len(piece) > maxEntry {
			continue
		}
		m, ok := parseMailbox(piece)
		if !ok {
			continue
		}
		key := "email:" + m.Email
		if m.Email == "" {
			key = "name:" + domain.NormalizeName(m.Name)
		}
		if seen[key] {
			continue
		}
		seen[key] = true
		out = append(out, m)
		if len(out) == domain.MaxParties {
			break
		}
	}
	return out
}

// parseMailbox reads one entry of an address list.
func parseMailbox(piece string) (mailbox, bool) {
	var name, addr, comment string
	if a, err := addressParser.Parse(piece); err == nil {
		name, addr = a.Name, a.Address
	} else {
		name, addr, comment = parseLoose(piece)
	}
	if strings.Contains(name, "=?") {
		name = decodeWords(name) // encoded words inside quotes, which net/mail leaves
	}
	name = unquoteName(domain.CleanText(strings.ToValidUTF8(name, "\uFFFD")))
	m := mailbox{Email: usableEmail(addr)}
	if name == "" && m.Email != "" {
		name = comment // "jdoe@example.com (John Doe)"; alone, a comment names no one
	}
	switch {
	case usableName(name):
		m.Name = name
	case m.Email != "" && usableName(m.Email):
		m.Name = m.Email
	default:
		return mailbox{}, false
	}
	if name, _, ok := domain.InvertName(m.Name); ok && usableName(name) {
		m.Alias = m.Name
		m.Name = name
	}
	return m, true
}

// parties turns mailboxes into inline persons, keyed by their address.
func parties(list []mailbox) []domain.PartyInput {
	out := make([]domain.PartyInput, 0, len(list))
	for _, m := range list {
		p := &domain.PersonInput{Name: m.Name}
		if m.Alias != "" {
			p.Aliases = []string{m.Alias}
		}
		if m.Email != "" {
			p.Emails = []string{m.Email}
		}
		out = append(out, domain.PartyInput{Person: p})
	}
	return out
}
