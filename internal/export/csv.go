package export

import (
	"encoding/csv"
	"io"
	"strconv"
	"time"

	"github.com/lettergraph/lettergraph/internal/domain"
)

// Columns of the CSV files, named as the API names the fields.
var (
	letterColumns = []string{"id", "title", "subject", "date", "datePrecision", "dateNotBefore", "dateNotAfter",
		"dateText", "language", "place", "placeText", "sourceFormat", "source", "externalId", "restricted", "stub",
		"importedAt", "body"}
	linkColumns = []string{"letterId", "role", "position", "correspondentId", "name", "kind", "organisation",
		"capacity", "as"}
)

// WriteCSV writes letters as two CSV files (RFC 4180, UTF-8, a header row): to
// lettersOut one row per letter (letterColumns), to linksOut one row per party link
// (linkColumns: the letter, the role AUTHOR, RECIPIENT, CC or BCC, the 1-based
// position in the role, and the correspondent), both in one pass. Either may be nil
// to leave it out. Values are written as they are: a spreadsheet may read a text that
// starts with "=" as a formula.
func WriteCSV(letters Letters, lettersOut, linksOut io.Writer) error {
	var lw, kw *csv.Writer
	if lettersOut != nil {
		lw = csv.NewWriter(lettersOut)
		_ = lw.Write(letterColumns)
	}
	if linksOut != nil {
		kw = csv.NewWriter(linksOut)
		_ = kw.Write(linkColumns)
	}
	err := letters(func(r *domain.LetterRecord) error {
		l := r.Letter
		if lw != nil {
			place := ""
			if l.WrittenAt != nil {
				place = l.WrittenAt.Name
			}
			_ = lw.Write([]string{l.ID, l.Title, l.Subject, day(l.Date), string(l.DatePrecision), day(l.DateNotBefore),
				day(l.DateNotAfter), l.DateText, l.Language, place, l.PlaceText, string(l.SourceFormat), l.Source,
				l.ExternalID, strconv.FormatBool(l.Restricted), strconv.FormatBool(l.Stub),
				l.ImportedAt.UTC().Format(time.RFC3339), l.Body})
			if err := lw.Error(); err != nil {
				return err
			}
		}
		if kw != nil {
			for _, role := range [][]domain.Party{l.Authors, l.Recipients, l.CC, l.BCC} {
				for _, p := range role {
					c := p.Correspondent
					_ = kw.Write([]string{l.ID, string(p.Role), strconv.Itoa(p.Position), c.NodeID(), c.DisplayName(),
						kindOf(c), organisationOf(c), p.Capacity, p.As})
				}
			}
			if err := kw.Error(); err != nil {
				return err
			}
		}
		return nil
	})
	if err != nil {
		return err
	}
	for _, w := range []*csv.Writer{lw, kw} {
		if w != nil {
			w.Flush()
			if err := w.Error(); err != nil {
				return err
			}
		}
	}
	return nil
}
