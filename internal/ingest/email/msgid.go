package email

import (
	"strings"

	"github.com/lettergraph/lettergraph/internal/domain"
)

// maxIDs bounds the ids read from one References field (long threads list every
// ancestor).
const maxIDs = domain.MaxParties

// msgIDs returns the message ids in a Message-ID, In-Reply-To or References value, in
// order, each as "<left@right>" with the white space and comments that obsolete syntax
// allows inside it removed ("<1234   @   local(blah)  .machine .example>" is
// "<1234@local.machine.example>"). Phrases around ids (RFC 5322 obs-phrase in
// In-Reply-To) are skipped. A value that is one bare token with an "@" — what some
// clients write — is taken as an id without its brackets.
func msgIDs(s string) []string {
	s, _ = stripComments(s)
	var ids []string
	rest := s
	for len(ids) < maxIDs {
		i := strings.IndexByte(rest, '<')
		if i < 0 {
			break
		}
		j := strings.IndexByte(rest[i:], '>')
		if j < 0 {
			break
		}
		if id := removeSpace(rest[i+1 : i+j]); validID(id) {
			ids = append(ids, "<"+id+">")
		}
		rest = rest[i+j+1:]
	}
	if len(ids) == 0 {
		if f := strings.Fields(s); len(f) == 1 && strings.Contains(f[0], "@") && validID(f[0]) {
			ids = append(ids, "<"+f[0]+">")
		}
	}
	return ids
}

// validID keeps ids that fit the store's external id (one short line) and holds no
// nested brackets or quotes that would make it ambiguous.
func validID(id string) bool {
	return id != "" && len(id) <= domain.MaxShortText-2 && !strings.ContainsAny(id, "<>\"")
}

// replyRefs lists the letters a message replies to: the In-Reply-To ids first, then
// the References ids not already listed, without the message's own id.
func replyRefs(inReplyTo, references, self string) []domain.LetterRef {
	seen := map[string]bool{self: true}
	var refs []domain.LetterRef
	for _, id := range append(msgIDs(inReplyTo), msgIDs(references)...) {
		if !seen[id] && len(refs) < maxIDs {
			seen[id] = true
			refs = append(refs, domain.LetterRef{ExternalID: id})
		}
	}
	return refs
}
