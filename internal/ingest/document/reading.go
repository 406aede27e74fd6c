package document

import (
	"fmt"
	"strings"
)

// ReviewBelow is the confidence under which a fact sends its letter to review.
const ReviewBelow = 0.6

// Reading says how a parser that infers a letter's structure (plain text) found its
// facts, and how sure it is of each. Parsers of structured formats (email, CMIF,
// JSON) give none: their fields say what they are.
type Reading struct {
	Findings []Finding
	// Review lists why the letter should be looked at before it is trusted: a fact
	// found with a confidence under ReviewBelow, or one not found at all. Empty when
	// the parser is confident of everything it read.
	Review []string
}

// Finding is one fact of a letter: what was read, where and by which rule, and how
// sure the parser is of it, from 0 (a guess) to 1 (a labelled header).
type Finding struct {
	Fact       string // author, recipient, cc, bcc, date
	Value      string // a party's name, the date as written
	How        string // the zone and the grammar: "From: header", "signature block", "salutation"
	Confidence float64
}

// Add records a finding, and a review reason when it is under ReviewBelow.
func (r *Reading) Add(fact, value, how string, confidence float64) {
	r.Findings = append(r.Findings, Finding{Fact: fact, Value: value, How: how, Confidence: confidence})
	if confidence < ReviewBelow {
		r.Flag(fmt.Sprintf("%s %q only from the %s (confidence %.2f)", fact, value, how, confidence))
	}
}

// Flag records a review reason.
func (r *Reading) Flag(reason string) { r.Review = append(r.Review, reason) }

// String renders the findings a line each, then the review reasons, for the dry run.
func (r *Reading) String() string {
	var b strings.Builder
	for _, f := range r.Findings {
		fmt.Fprintf(&b, "%-10s %.2f  %-28s %s\n", f.Fact, f.Confidence, f.How, f.Value)
	}
	for _, why := range r.Review {
		fmt.Fprintf(&b, "REVIEW     %s\n", why)
	}
	return b.String()
}
