package neo4jstore

import (
	"fmt"
	"strconv"
	"strings"

	"github.com/lettergraph/lettergraph/internal/domain"
)

// links resolves in's parties, places and letters (creating what is new) and
// returns the links of the letter with id.
func (r *resolver) links(id string, in *domain.LetterInput, field string) ([]domain.Link, error) {
	var links []domain.Link
	roles := []struct {
		role    domain.Role
		field   string
		parties []domain.PartyInput
	}{
		{domain.RoleAuthor, field + ".authors", in.Authors},
		{domain.RoleRecipient, field + ".recipients", in.Recipients},
		{domain.RoleCC, field + ".cc", in.CC},
		{domain.RoleBCC, field + ".bcc", in.BCC},
	}
	for _, role := range roles {
		seen := map[string]bool{}
		r.blind = role.role == domain.RoleBCC
		for i := range role.parties {
			p := &role.parties[i]
			cid, _, err := r.party(p, fmt.Sprintf("%s[%d]", role.field, i))
			if err != nil {
				return nil, err
			}
			if seen[cid] {
				continue // named twice in one role: the first mention keeps its place
			}
			seen[cid] = true
			links = append(links, domain.Link{Kind: domain.RoleLink(role.role), From: id, To: cid,
				Position: len(seen), Capacity: p.Capacity, As: p.As, Written: writtenName(p)})
		}
	}
	r.blind = false
	for i := range in.OnBehalfOf {
		org, _, err := r.organisation(&in.OnBehalfOf[i], fmt.Sprintf("%s.onBehalfOf[%d]", field, i))
		if err != nil {
			return nil, err
		}
		links = append(links, domain.Link{Kind: domain.LinkOnBehalfOf, From: id, To: org})
	}
	if in.WrittenAt != nil {
		place, err := r.place(in.WrittenAt, field+".writtenAt")
		if err != nil {
			return nil, err
		}
		links = append(links, domain.Link{Kind: domain.LinkWrittenAt, From: id, To: place})
	}
	for i := range in.Mentions {
		node, err := r.mention(&in.Mentions[i], fmt.Sprintf("%s.mentions[%d]", field, i))
		if err != nil {
			return nil, err
		}
		links = append(links, domain.Link{Kind: domain.LinkMentions, From: id, To: node})
		if m := in.Mentions[i].Letter; m != nil && node != id {
			r.letterRefs = append(r.letterRefs, refLink{kind: domain.LinkMentions, to: node, ref: *m})
		}
	}
	for _, refs := range []struct {
		kind  domain.LinkKind
		field string
		refs  []domain.LetterRef
	}{{domain.LinkRepliesTo, field + ".repliesTo", in.RepliesTo}, {domain.LinkRelatedTo, field + ".related", in.Related}} {
		for i := range refs.refs {
			other, err := r.letterRef(&refs.refs[i], fmt.Sprintf("%s[%d]", refs.field, i))
			if err != nil {
				return nil, err
			}
			if other != id {
				links = append(links, domain.Link{Kind: refs.kind, From: id, To: other})
				r.letterRefs = append(r.letterRefs, refLink{kind: refs.kind, to: other, ref: refs.refs[i]})
			}
		}
	}
	return links, nil
}

// writer sees every node, proxies too: a document's links go to the nodes its batch
// resolved, whoever may read them (mayWrite has vetted the document).
var writer = visibility{restricted: true, all: true}

// letterLinkKinds are the kinds of link a document gives its letter, in the order
// writeLinks writes them.
var letterLinkKinds = []domain.LinkKind{
	domain.LinkWrote, domain.LinkAddressedTo, domain.LinkCC, domain.LinkBCC, domain.LinkOnBehalfOf,
	domain.LinkWrittenAt, domain.LinkMentions, domain.LinkRepliesTo, domain.LinkRelatedTo,
}

// writeLinksCypher writes links of every kind of letterLinkKinds, a subquery each
// reading its rows from $rows<i>. A new letter's links are created: merging would
// lock both ends of each link, and a busy correspondent's node is the end of many
// concurrent writes. It is one statement whatever kinds a batch has:
// Neo4j plans a statement of nine subqueries in some 170 ms, and a statement that
// named only the kinds present would be planned again for each new combination.
var writeLinksCypher = func() string {
	var b strings.Builder
	for i, kind := range letterLinkKinds {
		spec := linkSpecs[kind]
		b.WriteString("CALL {\n\tUNWIND $rows" + strconv.Itoa(i) + " AS row\n\t" +
			matchEnd(writer, "a", spec.from, "row.from", "row") + matchEnd(writer, "b", spec.to, "row.to", "row") +
			"FOREACH (_ IN CASE WHEN row.new THEN [1] ELSE [] END | CREATE " + spec.arrow(kind) + " SET r = row.props" + setWritten(spec) + ")\n\t" +
			"FOREACH (_ IN CASE WHEN row.new THEN [] ELSE [1] END | MERGE " + spec.arrow(kind) + " SET r += row.props" + setWritten(spec) + ")\n}\n")
	}
	return b.String()
}()

// setWritten keeps, on a party link, the name as the letter writes it when the
// correspondent's own name is another (differentName).
func setWritten(spec linkSpec) string {
	if !spec.ordered {
		return ""
	}
	return ", r.written = " + differentRowName
}

// writtenName is how the document writes a party: the name an importer read, else the
// inline name or title; "" for a party given by id.
func writtenName(p *domain.PartyInput) string {
	if p.Written != "" {
		return p.Written
	}
	return p.InlineName()
}

// writeLinks writes new links from letters, all in one statement. Parties arrive
// numbered, so no renumbering is needed.
func (r *resolver) writeLinks(links []domain.Link) error {
	if len(links) == 0 {
		return nil
	}
	byKind := map[domain.LinkKind][]map[string]any{}
	type end struct {
		kind     domain.LinkKind
		from, to string
	}
	seen := map[end]bool{}
	for _, l := range links {
		if seen[end{l.Kind, l.From, l.To}] {
			continue // named twice (a letter mentioned twice): the first holds
		}
		seen[end{l.Kind, l.From, l.To}] = true
		row := map[string]any{"from": l.From, "to": l.To, "new": !r.stored[l.From], "props": map[string]any{}}
		props := row["props"].(map[string]any)
		if linkSpecs[l.Kind].ordered {
			props["position"] = l.Position
		}
		if l.Capacity != "" {
			props["capacity"] = l.Capacity
		}
		if l.As != "" {
			props["as"] = l.As
		}
		if l.Written != "" {
			row["written"] = l.Written
		}
		byKind[l.Kind] = append(byKind[l.Kind], row)
	}
	params := map[string]any{}
	for i, kind := range letterLinkKinds {
		params["rows"+strconv.Itoa(i)] = orEmpty(byKind[kind])
		delete(byKind, kind)
	}
	for kind := range byKind {
		return fmt.Errorf("writeLinks: %s is not a letter's link", kind)
	}
	return exec(r.ctx, r.tx, writeLinksCypher, params)
}

// differentName is $written when it is not the name (a person's or organisation's) or
// title (an office's) of the correspondent b, else null; differentRowName is the same
// for a row's written name.
const (
	differentName    = "CASE WHEN $written <> coalesce(b.name, b.title) THEN $written END"
	differentRowName = "CASE WHEN row.written <> coalesce(b.name, b.title) THEN row.written END"
)
