package text

import (
	"github.com/lettergraph/lettergraph/internal/domain"
)

// maxSubject is the length a memo's subject is cut to.
const maxSubject = 300

// capLists keeps every list within the domain's limit.
func capLists(in *domain.LetterInput) {
	limit := func(n int) int { return min(n, domain.MaxParties) }
	in.Authors = in.Authors[:limit(len(in.Authors))]
	in.Recipients = in.Recipients[:limit(len(in.Recipients))]
	in.CC = in.CC[:limit(len(in.CC))]
	in.BCC = in.BCC[:limit(len(in.BCC))]
	in.Related = in.Related[:limit(len(in.Related))]
	in.OnBehalfOf = in.OnBehalfOf[:limit(len(in.OnBehalfOf))]
}
