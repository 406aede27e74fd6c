package neo4jstore

import (
	"strings"
	"testing"

	"github.com/lettergraph/lettergraph/internal/domain"
)

func TestLetterProjectionOf(t *testing.T) {
	tests := []struct {
		name       string
		parts      domain.LetterParts
		has, lacks []string
	}{
		{"zero value: all", 0, []string{".body", "authors:", "recipients:", "cc:", "bcc:", "onBehalfOf:", "writtenAt:", "mentions:", "repliesTo:", "replies:", "related:"}, nil},
		{"none chosen", domain.PartsChosen, []string{".title", ".date"}, []string{".body", "authors:", "cc:", "related:"}},
		{"authors and cc", domain.PartsChosen | domain.PartAuthors | domain.PartCC, []string{"authors:", "cc:"}, []string{".body", "recipients:", "bcc:"}},
		{"body alone", domain.PartsChosen | domain.PartBody, []string{".body"}, []string{"authors:"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := letterProjectionOf(tt.parts)
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
