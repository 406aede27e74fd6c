package neo4jstore

import (
	"strings"
	"testing"

	"github.com/lettergraph/lettergraph/internal/domain"
)

func TestLetterProjectionOf(t *testing.T) {
	all := visibility{restricted: true}
	tests := []struct {
		name       string
		vis        visibility
		parts      domain.LetterParts
		has, lacks []string
	}{
		{"zero value: all", all, 0, []string{".body", "authors:", "recipients:", "cc:", "bcc:", "[(l)-[r:BCC]", "onBehalfOf:", "writtenAt:", "mentions:", "repliesTo:", "replies:", "related:"}, nil},
		{"none chosen", all, domain.PartsChosen, []string{".title", ".date", "restricted: l:Restricted"}, []string{".body", "authors:", "cc:", "related:"}},
		{"authors and cc", all, domain.PartsChosen | domain.PartAuthors | domain.PartCC, []string{"authors:", "cc:"}, []string{".body", "recipients:", "bcc:"}},
		{"body alone", all, domain.PartsChosen | domain.PartBody, []string{".body"}, []string{"authors:"}},
		{"no restricted: no BCC, no restricted linked letter", visibility{}, 0,
			[]string{"bcc: []", "WHERE NOT x:Hidden", "WHERE NOT m:Hidden"}, []string{"BCC"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := tt.vis.letterProjectionOf(tt.parts)
			for _, s := range tt.has {
				if !strings.Contains(got, s) {
					t.Errorf("projection lacks %q:\n%s", s, got)
				}
			}
			for _, s := range tt.lacks {
				if strings.Contains(got, s) {
					t.Errorf("projection has %q:\n%s", s, got)
				}
			}
		})
	}
}
