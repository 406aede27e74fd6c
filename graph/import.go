package graph

import (
	"bytes"
	"context"
	"errors"
	"fmt"

	"github.com/lettergraph/lettergraph/graph/model"
	"github.com/lettergraph/lettergraph/internal/domain"
	"github.com/lettergraph/lettergraph/internal/ingest"
	"github.com/lettergraph/lettergraph/internal/ingest/canonical"
	"github.com/lettergraph/lettergraph/internal/ingest/document"
)

// Limits of one importDocuments request; bigger imports go through the import command.
const (
	maxImportDocuments = 1000
	maxImportBytes     = 16 << 20
)

// importDocuments runs the importer over the request's documents, each in its own
// format, and reports every document.
func (r *Resolver) importDocuments(ctx context.Context, docs []*model.DocumentInput, dryRun, strict bool) (*model.ImportSummary, error) {
	if len(docs) > maxImportDocuments {
		return nil, domain.Limit("documents", "at most %d documents a request; use the import command for more", maxImportDocuments)
	}
	total := 0
	for _, d := range docs {
		total += len(d.Content)
	}
	if total > maxImportBytes {
		return nil, domain.Limit("documents", "at most %d bytes a request; use the import command for more", maxImportBytes)
	}
	sum := &model.ImportSummary{Documents: []*model.ImportedDocument{}}
	var outcomes []ingest.Outcome
	var counts ingest.Summary
	if r.Imports != nil && !dryRun {
		// Counted however the request ends: what was written stays written.
		defer func() { r.Imports.ObserveImport(counts) }()
	}
	for i, d := range docs {
		format, err := ingest.FormatByName(string(deref(d.Format)))
		if err != nil {
			return nil, domain.Invalid(fmt.Sprintf("documents[%d].format", i), "%s", err.(*domain.Error).Message)
		}
		name := deref(d.Name)
		if name == "" {
			name = fmt.Sprintf("document %d", i+1)
		}
		im := &ingest.Importer{Writer: r.Store, Options: ingest.Options{Format: format, DryRun: dryRun, Strict: strict},
			OnOutcome: func(o ingest.Outcome) {
				outcomes = append(outcomes, o)
				counts.Add(o, dryRun)
			}}
		_, err = im.Import(ctx, []ingest.Source{ingest.StringSource(name, d.Content)})
		if errors.Is(err, ingest.ErrStrict) {
			break
		}
		if err != nil {
			return nil, err
		}
	}
	var ids []string
	for _, o := range outcomes {
		if o.Err == nil && !dryRun {
			ids = append(ids, o.Result.LetterID)
		}
	}
	letters := map[string]*domain.Letter{}
	if len(ids) > 0 {
		list, err := r.Store.LettersByID(ctx, ids)
		if err != nil {
			return nil, err
		}
		for _, l := range list {
			if l != nil {
				letters[l.ID] = l
			}
		}
	}
	for _, o := range outcomes {
		doc := &model.ImportedDocument{Origin: o.Origin}
		switch {
		case o.Err != nil:
			doc.Status = model.ImportStatusFailed
			doc.Error = ptr(importError(o.Err))
		case dryRun:
			doc.Status = model.ImportStatusValid
		case o.Result.Created:
			doc.Status = model.ImportStatusCreated
		default:
			doc.Status = model.ImportStatusUnchanged
		}
		if o.Err == nil {
			var buf bytes.Buffer
			if err := canonical.Write(&buf, canonical.FromInput(o.Letter)); err == nil {
				doc.Canonical = ptr(string(bytes.TrimSpace(buf.Bytes())))
			}
			doc.Letter = toLetter(letters[o.Result.LetterID])
		}
		sum.Documents = append(sum.Documents, doc)
	}
	sum.Read, sum.Created, sum.Unchanged, sum.Failed, sum.Valid = counts.Read, counts.Created, counts.Unchanged, counts.Failed, counts.Valid
	sum.CorrespondentsCreated, sum.CorrespondentsMatched = counts.CorrespondentsCreated, counts.CorrespondentsMatched
	return sum, nil
}

// importError is the caller-safe text of a document's failure.
func importError(err error) string {
	var pe *document.ParseError
	if errors.As(err, &pe) {
		return pe.Error()
	}
	de := domain.AsError(err)
	if de.Code == domain.CodeInternal {
		return "internal error"
	}
	if de.Field != "" {
		return de.Field + ": " + de.Message
	}
	return de.Message
}
