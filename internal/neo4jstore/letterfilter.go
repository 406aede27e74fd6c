package neo4jstore

import (
	"strconv"
	"strings"
	"time"

	"github.com/lettergraph/lettergraph/internal/domain"
)

// letterSelection is the start of a letter query: a clause that binds l to each
// letter the filter selects, once, followed by WHERE conditions (if any).
type letterSelection struct {
	cypher string
	params map[string]any
	// When the selection is one correspondent's letters (one involvement, no text),
	// oneID names the correspondent (a parameter or a row's variable) and oneTypes its
	// relationship types: pageOf may then read the sort key's index instead.
	oneID, oneTypes string
	// conds are the conditions on l after the starting clause; when the selection is
	// not anchored (it starts from all letters), they are the whole filter.
	conds []string
	// anchored says the selection starts from an index (full text, correspondents'
	// relationships) rather than from all letters.
	anchored bool
}

// and is conds joined for a WHERE that already has a condition.
func and(conds []string) string {
	out := ""
	for _, c := range conds {
		out += " AND " + c
	}
	return out
}

// selectLetters builds the selection for f, of the letters v may see. The clause it
// starts from is the most selective one the filter allows: the full-text index, a
// correspondent's relationships, or all letters.
func selectLetters(v visibility, f domain.LetterFilter) (letterSelection, error) {
	return selectLettersAt(v, f, "", newParams(""))
}

// selectLettersAt is selectLetters where the first involvement's correspondent id is
// the Cypher variable firstID (a batch's row) rather than a parameter, and its
// parameters are bound in p.
func selectLettersAt(v visibility, f domain.LetterFilter, firstID string, p params) (letterSelection, error) {
	invID := func(i int) string {
		if i == 0 && firstID != "" {
			return firstID
		}
		return p.bind("inv"+strconv.Itoa(i), f.Involving[i].CorrespondentID)
	}
	var b strings.Builder
	var conds []string
	var oneID, oneTypes string
	start := 0 // the first involvement not yet expressed
	anchored := true
	switch {
	case strings.TrimSpace(f.Text) != "":
		q := FoldedLuceneQuery(f.Text)
		if q == "" {
			return letterSelection{}, domain.Invalid("filter.text", "has no words to search for")
		}
		b.WriteString("CALL db.index.fulltext.queryNodes('letter_search', " + p.bind("text", q) + ") YIELD node AS l\n")
	case len(f.Involving) >= 2 && firstID == "":
		// Letters two correspondents share: walk from whichever has fewer links in
		// its role (a degree is read in constant time), and test the other's on each
		// letter, so that a busy correspondent's thousands of letters are not walked
		// to find the few it shares with a quiet one.
		t0, err := v.roleTypes(f.Involving[0].Role, "filter.involving[0].role")
		if err != nil {
			return letterSelection{}, err
		}
		t1, err := v.roleTypes(f.Involving[1].Role, "filter.involving[1].role")
		if err != nil {
			return letterSelection{}, err
		}
		branch := func(from, fromTypes, other, otherTypes, cmp string) string {
			return `WITH c0, c1
				WITH c0, c1 WHERE COUNT { (c0)-[:` + t0 + `]-() } ` + cmp + ` COUNT { (c1)-[:` + t1 + `]-() }
				MATCH (` + from + `)-[:` + fromTypes + `]-(l:Letter)
				WITH DISTINCT l, ` + other + ` WHERE EXISTS { (` + other + `)-[:` + otherTypes + `]-(l) }
				RETURN l`
		}
		b.WriteString("MATCH (c0:Correspondent {id: " + invID(0) + "}), (c1:Correspondent {id: " + invID(1) + "})\nCALL {\n" +
			branch("c0", t0, "c1", t1, "<=") + "\nUNION\n" + branch("c1", t1, "c0", t0, ">") + "\n}\nWITH l\n")
		start = 2
	case len(f.Involving) > 0:
		types, err := v.roleTypes(f.Involving[0].Role, "filter.involving[0].role")
		if err != nil {
			return letterSelection{}, err
		}
		oneID, oneTypes = invID(0), types
		b.WriteString("MATCH (:Correspondent {id: " + oneID + "})-[:" + types + "]-(l:Letter)\nWITH DISTINCT l\n")
		start = 1
	default:
		b.WriteString("MATCH (l:Letter)\n")
		anchored = false
	}
	for i := start; i < len(f.Involving); i++ {
		n := strconv.Itoa(i)
		types, err := v.roleTypes(f.Involving[i].Role, "filter.involving["+n+"].role")
		if err != nil {
			return letterSelection{}, err
		}
		conds = append(conds, "EXISTS { MATCH (:Correspondent {id: "+invID(i)+"})-[:"+types+"]-(l) }")
	}
	if o := f.Organisation; o != nil {
		cond, err := organisationCondition(v, o, p.bind("org", o.OrganisationID))
		if err != nil {
			return letterSelection{}, err
		}
		conds = append(conds, cond)
	}
	if !f.IncludeStubs {
		conds = append(conds, "l.stub = false")
	}
	if !v.restricted || f.IncludeStubs {
		conds = append(conds, v.letter("l"))
	}
	conds = append(conds, dateConds(f.DateFrom, f.DateTo, p)...)
	if f.PlaceID != "" {
		conds = append(conds, "EXISTS { MATCH (l)-[:WRITTEN_AT]->(:Place {id: "+p.bind("placeId", f.PlaceID)+"}) }")
	}
	if len(f.Formats) > 0 {
		formats := make([]string, len(f.Formats))
		for i, v := range f.Formats {
			formats[i] = string(v)
		}
		conds = append(conds, "l.sourceFormat IN "+p.bind("formats", formats))
	}
	if f.Language != "" {
		conds = append(conds, "l.language = "+p.bind("language", f.Language))
	}
	if len(conds) > 0 {
		b.WriteString("WHERE " + strings.Join(conds, "\n  AND ") + "\n")
	}
	sel := letterSelection{cypher: b.String(), params: p.m, conds: conds, anchored: anchored}
	if len(f.Involving) == 1 {
		sel.oneID, sel.oneTypes = oneID, oneTypes
	}
	return sel, nil
}

// organisationCondition is the roll-up: a party of l in the role is the organisation,
// or (as chosen) one of its parts, an office of it or of a part, a holder of such an
// office, or a member of it or of a part. Every piece is a fixed string; org is the
// parameter that holds the organisation's id.
func organisationCondition(v visibility, o *domain.OrganisationInvolvement, org string) (string, error) {
	types, err := v.roleTypes(o.Role, "filter.organisation.role")
	if err != nil {
		return "", err
	}
	// seen keeps, for a caller below RESTRICTED_ROLE, only the relationships that
	// a source they see asserts (provenance.go): rels are single relationships,
	// lists variable-length ones.
	seen := func(rels, lists []string) string {
		if v.restricted {
			return ""
		}
		var conds []string
		for _, r := range rels {
			conds = append(conds, v.rel(r))
		}
		for _, l := range lists {
			conds = append(conds, "all(x IN "+l+" WHERE "+v.rel("x")+")")
		}
		return " WHERE " + strings.Join(conds, " AND ")
	}
	within := "(:Organisation {id: " + org + "})" // the organisation, or with parts one of them
	var lists []string
	if o.Parts {
		within = "(:Organisation)-[ps:PART_OF*0..5]->(:Organisation {id: " + org + "})"
		lists = []string{"ps"}
	}
	alts := []string{"c.id = " + org}
	if o.Parts {
		alts = append(alts, "EXISTS { MATCH (c:Organisation)-[ps:PART_OF*1..5]->(:Organisation {id: "+org+"})"+seen([]string{}, lists)+" }")
	}
	if o.Offices {
		alts = append(alts, "EXISTS { MATCH (c:Office)-[r1:OF]->"+within+seen([]string{"r1"}, lists)+" }",
			"EXISTS { MATCH (c:Person)-[r0:HOLDS]->(:Office)-[r1:OF]->"+within+seen([]string{"r0", "r1"}, lists)+" }")
	}
	if o.Members {
		alts = append(alts, "EXISTS { MATCH (c:Person)-[r0:MEMBER_OF]->"+within+seen([]string{"r0"}, lists)+" }")
	}
	return "EXISTS { MATCH (l)-[:" + types + "]-(c:Correspondent) WHERE " + strings.Join(alts, " OR ") + " }", nil
}

// dateConds keeps letters l whose possible dates overlap [from, to], binding the
// parameters it needs in p.
func dateConds(from, to *time.Time, p params) []string {
	var conds []string
	if from != nil {
		conds = append(conds, "l.dateNotAfter >= "+p.bind("dateFrom", neoDate(from)))
	}
	if to != nil {
		conds = append(conds, "l.dateNotBefore <= "+p.bind("dateTo", neoDate(to)))
	}
	return conds
}
