package neo4jstore

import (
	"context"
	"slices"
	"strings"

	"github.com/neo4j/neo4j-go-driver/v5/neo4j"

	"github.com/lettergraph/lettergraph/internal/domain"
)

type created struct {
	letter  *domain.Letter
	created bool
}

// CreateLetter implements domain.Store: one document through the batch writer, the
// letter read back in the same transaction.
func (s *Store) CreateLetter(ctx context.Context, in domain.LetterInput) (*domain.Letter, bool, error) {
	if err := in.Normalize("input"); err != nil {
		return nil, false, err
	}
	if err := mayWrite(visibilityOf(ctx), &in, "input"); err != nil {
		return nil, false, err
	}
	docs := []*domain.LetterInput{&in}
	hashes := []string{domain.ContentHash(&in)}
	res, err := write(ctx, s, func(ctx context.Context, tx neo4j.ManagedTransaction) (created, error) {
		b := newBatch(ctx, tx, "input")
		out, err := b.write(docs, hashes)
		if err != nil {
			return created{}, err
		}
		l, err := loadLetter(ctx, tx, out[0].LetterID)
		if domain.ErrorCode(err) == domain.CodeNotFound && !out[0].Created {
			// The same document is there, as a letter the caller may not see.
			return created{}, &domain.Error{Code: domain.CodeConflict, Field: "input", Message: "a letter with the same content already exists"}
		}
		if err != nil {
			return created{}, err
		}
		return created{l, out[0].Created}, b.takePositions()
	})
	return res.letter, res.created, err
}

// ImportLetters implements domain.Store. A document whose external id names a letter
// already is that letter, unchanged: the same email found in two mailboxes differs
// in its headers but is one message. The whole batch is written in one write
// transaction, for throughput; when that fails because of one document, each document
// is written again in its own transaction, so that a bad document fails alone and
// leaves nothing behind. Failures of the database itself end the batch with an error.
func (s *Store) ImportLetters(ctx context.Context, ins []domain.LetterInput) ([]domain.ImportResult, error) {
	results := make([]domain.ImportResult, len(ins))
	var docs []*domain.LetterInput
	var hashes []string
	var valid []int
	v := visibilityOf(ctx)
	for i := range ins {
		if err := ins[i].Normalize("document"); err != nil {
			results[i].Err = err
			continue
		}
		if err := mayWrite(v, &ins[i], "document"); err != nil {
			results[i].Err = err
			continue
		}
		docs = append(docs, &ins[i])
		hashes = append(hashes, domain.ContentHash(&ins[i]))
		valid = append(valid, i)
	}
	if len(valid) == 0 {
		return results, nil
	}
	run := func(docs []*domain.LetterInput, hashes []string) ([]domain.ImportResult, error) {
		return write(ctx, s, func(ctx context.Context, tx neo4j.ManagedTransaction) ([]domain.ImportResult, error) {
			b := newBatch(ctx, tx, "document")
			b.importing = true
			out, err := b.write(docs, hashes)
			if err != nil {
				return nil, err
			}
			return out, b.takePositions()
		})
	}
	out, err := run(docs, hashes)
	if err == nil {
		for k, i := range valid {
			results[i] = out[k]
		}
		return results, nil
	}
	if !documentError(err) {
		return nil, err
	}
	for k, i := range valid {
		one, err := run(docs[k:k+1], hashes[k:k+1])
		switch {
		case err == nil:
			results[i] = one[0]
		case documentError(err):
			results[i].Err = err
		default:
			return nil, err
		}
	}
	return results, nil
}

// documentError reports whether err is about the document written rather than the
// database: such an error fails that document and the import goes on.
func documentError(err error) bool {
	switch domain.ErrorCode(err) {
	case domain.CodeBadUserInput, domain.CodeConflict, domain.CodeNotFound:
		return true
	}
	return false
}

// prepared is what prepare read from one document.
type prepared struct {
	// links are the letter's own links, for the batch to write.
	links []domain.Link
	// asserted are the nodes the document names only through another party (an
	// office's organisation, an office held), which the letter ASSERTS; blind when
	// only a blind copy names them (provenance.go).
	asserted []assertion
	// claims are what the document says of them (openview.go), blindClaims what
	// it says through blind copies.
	claims, blindClaims []claim
	// refs are its references to letters (proxies.go).
	refs []refLink
}

type assertion struct {
	id    string
	blind bool
}

// prepare resolves in's parties, places and letters (creating what is new) for the
// letter with id.
func (r *resolver) prepare(id string, in *domain.LetterInput, field string) (prepared, error) {
	r.named, r.claims, r.blindClaims, r.letterRefs, r.restrictedDoc = map[string]bool{}, nil, nil, nil, in.Restricted
	defer func() { r.named, r.claims, r.blindClaims, r.letterRefs, r.restrictedDoc = nil, nil, nil, nil, false }()
	links, err := r.links(id, in, field)
	if err != nil {
		return prepared{}, err
	}
	direct := map[string]bool{id: true}
	for _, l := range links {
		direct[l.To] = true
	}
	out := prepared{links: links, claims: r.claims, blindClaims: r.blindClaims, refs: r.letterRefs}
	for n, open := range r.named {
		if !direct[n] {
			out.asserted = append(out.asserted, assertion{n, !open})
		}
	}
	slices.SortFunc(out.asserted, func(a, b assertion) int { return strings.Compare(a.id, b.id) })
	return out, nil
}

// mayWrite refuses, as FORBIDDEN, a document that is restricted or has blind copies
// from a caller who could not read it back.
func mayWrite(v visibility, in *domain.LetterInput, field string) error {
	switch {
	case v.restricted:
		return nil
	case in.Restricted:
		return domain.ErrRestricted(field + ".restricted")
	case len(in.BCC) > 0:
		return domain.ErrRestricted(field + ".bcc")
	}
	return nil
}
