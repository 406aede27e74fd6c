package server_test

import (
	"strings"
	"testing"

	"github.com/lettergraph/lettergraph/internal/server/servertest"
)

// TestHistoryAndSourcesThroughTheAPI: sources answer editors and refuse readers;
// history answers both, a reader without the lines that wrote the restricted letter.
func TestHistoryAndSourcesThroughTheAPI(t *testing.T) {
	w := newRestrictedWorld(t)
	vars := w.vars()
	r := w.api.do(t, `query ($pat: ID!) { sources(node: $pat) { via letter { title } change { operation } } }`, vars)
	if len(r.Errors) == 0 || r.Errors[0].Extensions["code"] != "FORBIDDEN" {
		t.Errorf("a reader asks for sources: %s %+v, want FORBIDDEN", r.Data, r.Errors)
	}
	const lines = `{ history(first: 100) { operation nodes } }`
	reader := w.api.do(t, lines, nil)
	editor := servertest.DoAs(t, w.api.url, w.editor, lines, nil)
	if len(reader.Errors) > 0 || len(editor.Errors) > 0 {
		t.Fatalf("errors: %+v %+v", reader.Errors, editor.Errors)
	}
	if strings.Contains(string(reader.Data), w.ids["r"]) || !strings.Contains(string(editor.Data), w.ids["r"]) {
		t.Errorf("the restricted letter's line: the reader's history %s, the editor's %s; want it in the editor's only", reader.Data, editor.Data)
	}
	r = servertest.DoAs(t, w.api.url, w.editor, `query ($pat: ID!) {
		history(node: $pat) { operation by nodes }
		sources(node: $pat) { via letter { title } change { operation } } }`, vars)
	if len(r.Errors) > 0 {
		t.Fatalf("errors: %+v", r.Errors)
	}
	got := string(r.Data)
	for _, want := range []string{`"operation":"upsertCorrespondent","by":"apikey:editor"`, `"via":"WROTE","letter":{"title":"Zebra memo"}`,
		`"via":"WROTE","letter":{"title":"Open letter"}`, `"via":"ASSERTS","letter":null,"change":{"operation":"upsertCorrespondent"}`} {
		if !strings.Contains(got, want) {
			t.Errorf("the editor's answer lacks %s:\n%s", want, got)
		}
	}
	r = servertest.DoAs(t, w.api.url, w.editor, `query ($pat: ID!, $v: String!) { sources(node: $pat, fact: {kind: HOLDS, value: $v}) { via } }`, map[string]any{"pat": vars["pat"], "v": vars["pat"]})
	if len(r.Errors) > 0 || string(r.Data) != `{"sources":[]}` {
		t.Errorf("the sources of a fact no one states: %s %+v, want none", r.Data, r.Errors)
	}
	r = servertest.DoAs(t, w.api.url, w.editor, `query ($pat: ID!) { sources(node: $pat, fact: {kind: AUTHORITY_ID, value: "nope"}) { via } }`, vars)
	if len(r.Errors) == 0 || r.Errors[0].Extensions["code"] != "BAD_USER_INPUT" {
		t.Errorf("the sources of an authority id that is no URI: %s %+v, want BAD_USER_INPUT", r.Data, r.Errors)
	}
}
