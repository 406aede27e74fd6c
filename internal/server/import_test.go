package server_test

import (
	"os"
	"slices"
	"strings"
	"testing"
)

const importDocuments = `
mutation ($docs: [DocumentInput!]!, $dry: Boolean) {
  importDocuments(documents: $docs, dryRun: $dry) {
    read created unchanged failed valid correspondentsCreated correspondentsMatched
    documents { origin status error canonical letter { title authors { correspondent { id name } } } }
  }
}`

type importResult struct {
	ImportDocuments struct {
		Read, Created, Unchanged, Failed, Valid      int
		CorrespondentsCreated, CorrespondentsMatched int
		Documents                                    []struct {
			Origin, Status string
			Error          *string
			Canonical      *string
			Letter         *struct {
				Title   string
				Authors []struct{ Correspondent struct{ ID, Name string } }
			}
		}
	}
}

func TestImportDocumentsAndMerge(t *testing.T) {
	a := newAPI(t)
	docs := []any{
		map[string]any{"name": "batch.ndjson", "format": "JSON", "content": `{"title":"One","authors":[{"person":{"name":"Ann Lee","emails":["ann@x.org"]}}]}
{"title":"Two","authors":[{"person":{"name":"A. Lee","emails":["lee@y.org"]}}]}
{"title":"Broken","date":"yesterday"}`},
	}
	var dry importResult
	a.data(t, importDocuments, map[string]any{"docs": docs, "dry": true}, &dry)
	if d := dry.ImportDocuments; d.Valid != 2 || d.Failed != 1 || d.Created != 0 || d.Documents[0].Canonical == nil ||
		!strings.Contains(*d.Documents[0].Canonical, `"title":"One"`) {
		t.Errorf("dry run = %+v", d)
	}
	var got importResult
	a.data(t, importDocuments, map[string]any{"docs": docs}, &got)
	d := got.ImportDocuments
	if d.Read != 3 || d.Created != 2 || d.Failed != 1 || d.CorrespondentsCreated != 2 {
		t.Errorf("import = %+v", d)
	}
	if doc := d.Documents[2]; doc.Status != "FAILED" || doc.Error == nil || !strings.Contains(*doc.Error, "date") || doc.Origin != "batch.ndjson:3" {
		t.Errorf("third document = %+v, want FAILED at batch.ndjson:3 about the date", doc)
	}
	var again importResult
	a.data(t, importDocuments, map[string]any{"docs": docs}, &again)
	if again.ImportDocuments.Unchanged != 2 || again.ImportDocuments.Created != 0 {
		t.Errorf("import again = %+v, want 2 unchanged", again.ImportDocuments)
	}

	ann := d.Documents[0].Letter.Authors[0].Correspondent.ID
	lee := d.Documents[1].Letter.Authors[0].Correspondent.ID
	var merged struct {
		MergeCorrespondents struct {
			ID             string
			Name           string
			Aliases        []string
			LettersWritten struct{ TotalCount int }
		}
	}
	a.data(t, `mutation ($s: ID!, $o: [ID!]!) { mergeCorrespondents(survivor: $s, others: $o) {
		id name ... on Person { aliases lettersWritten { totalCount } } } }`,
		map[string]any{"s": ann, "o": []string{lee}}, &merged)
	m := merged.MergeCorrespondents
	if m.ID != ann || m.LettersWritten.TotalCount != 2 || len(m.Aliases) != 1 || m.Aliases[0] != "A. Lee" {
		t.Errorf("merged = %+v, want Ann Lee with alias A. Lee and 2 letters written", m)
	}
	r := a.do(t, `mutation ($s: ID!) { mergeCorrespondents(survivor: $s, others: [$s]) { id } }`, map[string]any{"s": ann})
	if c, e := code(t, r); c != "BAD_USER_INPUT" || e.Extensions["field"] != "others[0]" {
		t.Errorf("merging into itself: %q %+v", c, e)
	}
	r = a.do(t, importDocuments, map[string]any{"docs": []any{map[string]any{"content": "x", "format": "JSON"}}})
	if len(r.Errors) != 0 {
		t.Errorf("a bad document is reported in the result, not as an error: %+v", r.Errors)
	}
}

// TestImportTheSeedTextThenAsk sends the published seed letter through the API and
// asks the foundation's question of the graph it makes.
func TestImportTheSeedTextThenAsk(t *testing.T) {
	a := newAPI(t)
	raw, err := os.ReadFile("../../testdata/text/nejat-society-to-albania-pm.txt")
	if err != nil {
		t.Fatalf("seed text: %v", err)
	}
	var got importResult
	a.data(t, importDocuments, map[string]any{"docs": []any{map[string]any{"name": "seed.txt", "content": string(raw)}}}, &got)
	if d := got.ImportDocuments; d.Created != 1 || d.Documents[0].Letter == nil {
		t.Fatalf("import = %+v, want the letter created", d)
	}
	var asked struct {
		Correspondents struct {
			Nodes []struct {
				LettersReceived struct {
					Nodes []struct {
						CC []struct{ Correspondent struct{ Name string } } `json:"cc"`
					}
				}
			}
		}
	}
	a.data(t, ccOfLettersToQuery, map[string]any{"name": "Edi Rama"}, &asked)
	var names []string
	for _, n := range asked.Correspondents.Nodes {
		for _, l := range n.LettersReceived.Nodes {
			for _, c := range l.CC {
				names = append(names, c.Correspondent.Name)
			}
		}
	}
	want := []string{"Minister of Interior", "Foreign Minister", "Association for Supporting Iranians Living in Albania", "The Media"}
	if !slices.Equal(names, want) {
		t.Errorf("copied on letters to Edi Rama = %q, want %q", names, want)
	}
}
