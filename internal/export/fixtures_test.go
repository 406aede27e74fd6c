package export_test

import (
	"errors"
	"time"

	"github.com/lettergraph/lettergraph/internal/domain"
	"github.com/lettergraph/lettergraph/internal/export"
)

func day(s string) *time.Time {
	t, err := time.Parse(time.DateOnly, s)
	if err != nil {
		panic(err)
	}
	return &t
}

// fixture is a small graph of letters, made by hand, that exercises what the writers
// must carry: every date shape, every kind of party and role, authority ids,
// holdings and memberships on a person who appears twice, organisations part of
// others, references, mentions, a restricted letter, and text that XML and CSV must
// escape.
func fixture() []*domain.LetterRecord {
	albania := &domain.Organisation{ID: "o-alb", Name: "Albania", Kind: domain.OrgState}
	government := &domain.Organisation{ID: "o-gov", Name: "Government of Albania", Kind: domain.OrgGovernment}
	ministry := &domain.Organisation{ID: "o-min", Name: "Ministry of Interior"}
	interior := &domain.Office{ID: "f-int", Title: "Minister of Interior", Organisation: ministry}
	pm := &domain.Office{ID: "f-pm", Title: "Prime Minister", Organisation: albania}
	media := &domain.Organisation{ID: "o-med", Name: "The Media", Kind: domain.OrgGroup}
	goethe := &domain.Person{ID: "p-goe", Name: "Johann Wolfgang von Goethe", Honorific: "Herr",
		AuthorityIDs: []string{"http://d-nb.info/gnd/118540238", "http://www.wikidata.org/entity/Q5879"}}
	schiller := &domain.Person{ID: "p-sch", Name: "Friedrich Schiller", Aliases: []string{"Schiller, Friedrich"},
		Emails: []string{"fs@example.org"}}
	odd := &domain.Person{ID: "p-odd", Name: "Smith & <Sons>  \"Ltd\""}
	bea := &domain.Person{ID: "p-bea", Name: "Bea Blind"}
	cotta := &domain.Organisation{ID: "o-cot", Name: "J. G. Cotta'sche Buchhandlung", AuthorityIDs: []string{"http://d-nb.info/gnd/2027670-1"}}
	party := func(role domain.Role, pos int, c domain.Correspondent) domain.Party {
		return domain.Party{Role: role, Position: pos, Correspondent: c}
	}
	l1 := &domain.Letter{ID: "L1", Title: "Goethe to Schiller", Body: "Lieber Freund,\nhier, \"zitiert\"; & so.",
		Date: day("1794-06-13"), DatePrecision: domain.PrecisionDay, DateNotBefore: day("1794-06-13"), DateNotAfter: day("1794-06-13"),
		DateText: "13. Juni 1794", Language: "de", PlaceText: "Weimar", SourceFormat: domain.FormatCMIF,
		ExternalID: "https://example.org/letters/1", Source: "https://example.org/letters/1",
		WrittenAt: &domain.Place{ID: "pl-wei", Name: "Weimar", Country: "Germany", AuthorityIDs: []string{"http://www.geonames.org/2812482"}},
		Authors:   []domain.Party{{Role: domain.RoleAuthor, Position: 1, Capacity: "Minister", Correspondent: goethe}},
		Recipients: []domain.Party{{Role: domain.RoleRecipient, Position: 1, As: "Hofrat", Correspondent: schiller},
			party(domain.RoleRecipient, 2, pm)},
		CC:  []domain.Party{party(domain.RoleCC, 1, interior), party(domain.RoleCC, 2, media)},
		BCC: []domain.Party{party(domain.RoleBCC, 1, bea)},
		Mentions: []domain.Node{&domain.Person{ID: "p-hum", Name: "Wilhelm von Humboldt", AuthorityIDs: []string{"http://d-nb.info/gnd/118554727"}},
			&domain.Place{ID: "pl-jen", Name: "Jena"}, cotta,
			&domain.Letter{ID: "L0", Title: "An earlier letter", ExternalID: "msg-0@example.org"}},
		OnBehalfOf: []*domain.Organisation{government},
		Parts:      domain.AllParts,
	}
	l2 := &domain.Letter{ID: "L2", Title: "Unsigned note", Date: day("1794-08-01"), DatePrecision: domain.PrecisionMonth,
		DateNotBefore: day("1794-08-01"), DateNotAfter: day("1794-08-31"), SourceFormat: domain.FormatJSON,
		Recipients: []domain.Party{party(domain.RoleRecipient, 1, cotta)},
		Related:    []*domain.Letter{l1},
		RepliesTo:  []*domain.Letter{{ID: "S1", Title: "What we expect", Stub: true}},
		Parts:      domain.AllParts,
	}
	l3 := &domain.Letter{ID: "L3", Title: "Uncertain", DatePrecision: domain.PrecisionUnknown,
		DateNotBefore: day("1795-03-01"), DateNotAfter: day("1795-04-30"), DateText: "spring 1795",
		ExternalID: "cmif:lettergraph#42", Restricted: true, SourceFormat: domain.FormatCMIF,
		Authors:    []domain.Party{party(domain.RoleAuthor, 1, odd)},
		Recipients: []domain.Party{party(domain.RoleRecipient, 1, goethe)},
		Parts:      domain.AllParts,
	}
	l4 := &domain.Letter{ID: "L4", Title: "A year", Date: day("1796-01-01"), DatePrecision: domain.PrecisionYear,
		DateNotBefore: day("1796-01-01"), DateNotAfter: day("1796-12-31"), ExternalID: "<msg-4@example.org>",
		SourceFormat: domain.FormatEmail,
		Authors:      []domain.Party{party(domain.RoleAuthor, 1, schiller)},
		Recipients:   []domain.Party{party(domain.RoleRecipient, 1, goethe)},
		Parts:        domain.AllParts,
	}
	l5 := &domain.Letter{ID: "L5", Title: "Undated", DatePrecision: domain.PrecisionUnknown, SourceFormat: domain.FormatText,
		Authors: []domain.Party{party(domain.RoleAuthor, 1, goethe)}, Parts: domain.AllParts}
	// A record holds the holdings and memberships its letter asserts: Schiller's
	// two offices come from L1 and L4, Goethe's membership from L1.
	holdings := map[string]map[string][]domain.Holding{
		"L1": {"p-sch": {{Office: interior, From: day("1790-01-01")}}},
		"L4": {"p-sch": {{Office: pm, To: day("1799-12-31")}}},
	}
	memberships := map[string]map[string][]domain.Membership{"L1": {"p-goe": {{Organisation: government, Role: "adviser"}}}}
	partOf := map[string]*domain.Organisation{"o-min": government, "o-gov": albania}
	var out []*domain.LetterRecord
	for _, l := range []*domain.Letter{l1, l2, l3, l4, l5} {
		out = append(out, &domain.LetterRecord{Letter: l, Holdings: holdings[l.ID], Memberships: memberships[l.ID], PartOf: partOf})
	}
	return out
}

// lettersOf yields records.
func lettersOf(records []*domain.LetterRecord) export.Letters {
	return func(yield func(*domain.LetterRecord) error) error {
		for _, r := range records {
			if err := yield(r); err != nil {
				return err
			}
		}
		return nil
	}
}

// fixtureNetwork is a network of three correspondents, with a WROTE_TO and a COPIED
// edge between one pair, names that XML must escape and that are no xsd:token.
func fixtureNetwork() ([]domain.Correspondent, []domain.DatedEdge) {
	nodes := []domain.Correspondent{
		&domain.Person{ID: "A", Name: "Ann  & <Bob>\n"},
		&domain.Office{ID: "B", Title: "Prime Minister", Organisation: &domain.Organisation{ID: "o", Name: "Albania"}},
		&domain.Organisation{ID: "C", Name: "The Media"},
	}
	edges := []domain.DatedEdge{
		{NetworkEdge: domain.NetworkEdge{From: "A", To: "B", Kind: domain.EdgeWroteTo, Weight: 3}, First: day("1990-01-01"), Last: day("1999-12-31")},
		{NetworkEdge: domain.NetworkEdge{From: "A", To: "B", Kind: domain.EdgeCopied, Weight: 1}, First: day("1995-05-01"), Last: day("1995-05-31")},
		{NetworkEdge: domain.NetworkEdge{From: "B", To: "C", Kind: domain.EdgeCopied, Weight: 2}},
	}
	return nodes, edges
}

func networkOf(nodes []domain.Correspondent, edges []domain.DatedEdge) export.Network {
	return export.Network{
		Nodes: func(yield func(domain.Correspondent) error) error {
			for _, n := range nodes {
				if err := yield(n); err != nil {
					return err
				}
			}
			return nil
		},
		Edges: func(yield func(domain.DatedEdge) error) error {
			for _, e := range edges {
				if err := yield(e); err != nil {
					return err
				}
			}
			return nil
		},
	}
}

var errBoom = errors.New("boom")
