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
// In-Reply-To) are skipped. A list longer than maxIDs keeps its first maxIDs-1 ids and
// its last one. A value that is one bare token with an "@" — what some
// clients write — is taken as an id without its brackets.
func msgIDs(s string) []string {
	s, _ = stripComments(s)
	var ids []string
	rest := s
	for {
		i := strings.IndexByte(rest, '<')
		if i < 0 {
			break
		}
		j := strings.IndexByte(rest[i:], '>')
		if j < 0 {
			break
		}
		id := removeSpace(rest[i+1 : i+j])
		switch {
		case !validID(id):
		case len(ids) < maxIDs:
			ids = append(ids, "<"+id+">")
		default:
			ids[maxIDs-1] = "<" + id + ">" // a References list's last id is the parent
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

// threadRefs reads a message's place in its thread (RFC 5322 §3.6.4): the letters it
// replies to are its parents, the In-Reply-To ids, or without them the last References
// id; the thread's root, the first References id, is related to it when it is not
// already a parent. The ancestors in between are the parents' business, not this
// message's: each message in the thread links to its own parent. The message's own
// id is never listed.
func threadRefs(inReplyTo, references, self string) (parents, related []domain.LetterRef) {
	seen := map[string]bool{self: true}
	add := func(list *[]domain.LetterRef, id string) {
		if !seen[id] && len(parents)+len(related) < maxIDs {
			seen[id] = true
			*list = append(*list, domain.LetterRef{ExternalID: id})
		}
	}
	refs := msgIDs(references)
	irt := msgIDs(inReplyTo)
	if len(irt) == 0 && len(refs) > 0 {
		irt = refs[len(refs)-1:]
	}
	for _, id := range irt {
		add(&parents, id)
	}
	if len(refs) > 0 {
		add(&related, refs[0])
	}
	return parents, related
}
