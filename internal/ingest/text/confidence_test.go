package text

import (
	"fmt"
	"strings"
	"testing"
)

// The reading says where each fact came from, and sends to review only the letters
// with a fact guessed or missing.
func TestReading(t *testing.T) {
	tests := []struct {
		name     string
		letter   string
		findings []string // "fact how confidence" of each finding, in order
		review   []string // substrings of the review reasons, in order
	}{
		{"a memo: every fact under its label",
			"TO: Jane Doe\nFROM: John Smith\nCC: Mary Major\nDATE: 12 March 2019\nRE: Budget\n\nThe budget is attached.\n",
			[]string{"date Date: header 0.95", "author From: header 0.95", "recipient To: header 0.95", "cc Cc: header 0.95"}, nil},
		{"a letter: date line, address block, signature, copy list",
			"London, 12 March 2019\n\nMs Jane Doe\nAcme Ltd\n1 High Street\nLondon\n\nDear Ms Doe,\n\nThank you for your letter.\n\nYours sincerely,\n\nJohn Smith\n\ncc: Mary Major\n",
			[]string{"date date line 0.90", "author signature block 0.85", "recipient address block 0.80", "cc copy list 0.90"}, nil},
		{"only a salutation names the addressee",
			"12 March 2019\n\nDear Minister,\n\nWe write to you about the library.\n\nYours faithfully,\n\nJohn Smith\n",
			[]string{"date date line 0.90", "author signature block 0.85", "recipient salutation 0.50"},
			[]string{`recipient "Minister" only from the salutation`}},
		{"nothing but prose",
			"The library will close on Friday and open again next week.\n",
			nil, []string{"no author found", "no recipient found", "no date found", "no letter structure found"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, rd, ok := parseZoned(tt.letter)
			if !ok {
				t.Fatal("parseZoned: not a letter")
			}
			var got []string
			for _, f := range rd.Findings {
				got = append(got, fmt.Sprintf("%s %s %.2f", f.Fact, f.How, f.Confidence))
			}
			if strings.Join(got, "|") != strings.Join(tt.findings, "|") {
				t.Errorf("findings\n got %q\nwant %q", got, tt.findings)
			}
			if len(rd.Review) != len(tt.review) {
				t.Fatalf("review %q, want %d reasons like %q", rd.Review, len(tt.review), tt.review)
			}
			for i, want := range tt.review {
				if !strings.Contains(rd.Review[i], want) {
					t.Errorf("review[%d] = %q, want it to say %q", i, rd.Review[i], want)
				}
			}
		})
	}
}
