package graph

import (
	"time"

	"github.com/lettergraph/lettergraph/graph/model"
	"github.com/lettergraph/lettergraph/internal/domain"
)

// Complexity makes a list field cost what it may return: its children's cost times
// the page size asked for (the default page when none is), so that a complexity limit
// counts requested page sizes, and nested lists multiply. A plain list (a letter's
// parties, an organisation's members) costs the same by its first.
func Complexity() ComplexityRoot {
	var c ComplexityRoot
	page := func(child int, first, last *int) int {
		n := domain.DefaultPageSize
		switch {
		case first != nil:
			n = *first
		case last != nil:
			n = *last
		}
		return 1 + child*max(n, 1)
	}
	letters := func(child int, _ *model.LetterFilter, _ *model.LetterOrder, first *int, _ *string, last *int, _ *string) int {
		return page(child, first, last)
	}
	pairs := func(child int, _ *model.Role, _, _ *time.Time, _ *model.PairOrder, first *int, _ *string, last *int, _ *string) int {
		return page(child, first, last)
	}
	list := func(child int, first *int) int {
		n := domain.DefaultListSize
		if first != nil {
			n = *first
		}
		return 1 + child*max(n, 1)
	}
	c.Letter.Authors, c.Letter.Recipients, c.Letter.Cc, c.Letter.Bcc = list, list, list, list
	c.Letter.OnBehalfOf, c.Letter.Mentions, c.Letter.RepliesTo, c.Letter.Replies, c.Letter.Related = list, list, list, list, list
	c.Person.Holds, c.Person.Memberships, c.Office.Holders = list, list, list
	c.Organisation.Offices, c.Organisation.Members, c.Organisation.PartOf, c.Organisation.Parts = list, list, list, list
	c.Query.Letters = letters
	c.Person.LettersWritten, c.Person.LettersReceived, c.Person.LettersCopied = letters, letters, letters
	c.Organisation.LettersWritten, c.Organisation.LettersReceived, c.Organisation.LettersCopied = letters, letters, letters
	c.Office.LettersWritten, c.Office.LettersReceived, c.Office.LettersCopied = letters, letters, letters
	c.Person.Correspondents, c.Organisation.Correspondents, c.Office.Correspondents = pairs, pairs, pairs
	c.Query.Correspondents = func(child int, _ *model.CorrespondentFilter, first *int, _ *string, last *int, _ *string) int {
		return page(child, first, last)
	}
	c.Correspondence.Letters = func(child int, _ *model.LetterOrder, first *int, _ *string, last *int, _ *string) int {
		return page(child, first, last)
	}
	c.Query.Search = func(child int, _ string, _ []model.SearchKind, first *int) int { return page(child, first, nil) }
	c.Query.Paths = func(child int, _, _ string, _ *int, _ []model.Role, first *int) int { return page(child, first, nil) }
	c.Query.Network = func(child int, _ string, _ *int, _ []model.Role, _, _ *time.Time, limit *int) int {
		return page(child, limit, nil)
	}
	c.GraphStatistics.TopCorrespondents = func(child int, _ *model.Role, first *int) int { return page(child, first, nil) }
	c.Query.History = func(child int, _ *string, first *int, _ *string) int { return page(child, first, nil) }
	c.Query.Sources = func(child int, _ string, _ *model.FactInput, first *int) int { return page(child, first, nil) }
	return c
}
