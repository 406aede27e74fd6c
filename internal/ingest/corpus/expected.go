// Package corpus holds the expected documents that a parser's answers are judged
// against (NAME.expected.json beside each input) and scores a parser on a corpus of
// them: facts right, missed and invented, by field. The tests use it through
// internal/ingest/ingesttest; `lettergraph score` prints its table.
package corpus

import (
	"bytes"
	"encoding/json"
	"fmt"
	"os"

	"github.com/lettergraph/lettergraph/internal/ingest/canonical"
)

// Expected is an expected document: the canonical form plus checks that only a judge
// makes.
type Expected struct {
	canonical.Document
	BodyStartsWith      string            `json:"bodyStartsWith,omitempty"`
	BodyEndsWith        string            `json:"bodyEndsWith,omitempty"`
	BodyContains        []string          `json:"bodyContains,omitempty"`
	BodyExcludes        []string          `json:"bodyExcludes,omitempty"`
	MentionsOptional    []canonical.Party `json:"mentionsOptional,omitempty"`
	MustHoldAfterImport []string          `json:"mustHoldAfterImport,omitempty"`
	// Error, for a bad input, is a substring the parse error must contain.
	Error string `json:"error,omitempty"`
}

// Load reads the expected documents at path: one object, or a JSON array of them for
// a source holding several (an mbox, a CMIF file, NDJSON), in source order. An
// unknown key is an error, so that a misspelt check is not silently skipped.
func Load(path string) ([]Expected, error) {
	raw, err := os.ReadFile(path)
	if err != nil {
		return nil, err
	}
	raw = bytes.TrimSpace(raw)
	if len(raw) > 0 && raw[0] == '{' {
		var e Expected
		if err := decodeStrict(raw, &e); err != nil {
			return nil, fmt.Errorf("%s: %w", path, err)
		}
		return []Expected{e}, nil
	}
	var list []json.RawMessage
	if err := json.Unmarshal(raw, &list); err != nil {
		return nil, fmt.Errorf("%s: %w", path, err)
	}
	out := make([]Expected, len(list))
	for i, r := range list {
		if err := decodeStrict(r, &out[i]); err != nil {
			return nil, fmt.Errorf("%s[%d]: %w", path, i, err)
		}
	}
	return out, nil
}

func decodeStrict(raw []byte, v any) error {
	dec := json.NewDecoder(bytes.NewReader(raw))
	dec.DisallowUnknownFields()
	return dec.Decode(v)
}
