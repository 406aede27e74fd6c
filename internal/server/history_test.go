package server_test

import (
	"strings"
	"testing"

	"github.com/lettergraph/lettergraph/internal/server/servertest"
)

// TestHistoryAndSourcesThroughTheAPI: history and sources answer editors, with the
// changes and sources behind a correspondent, and refuse readers.
func TestHistoryAndSourcesThroughTheAPI(t *testing.T) {
	w := newRestrictedWorld(t)
	vars := w.vars()
	for _, q := range []string{
		`query ($pat: ID!) { history(node: $pat) { operation by } }`,
		`query ($pat: ID!) { sources(node: $pat) { via letter { title } change { operation } } }`,
	} {
		r := w.api.do(t, q, vars)
		if len(r.Errors) == 0 || r.Errors[0].Extensions["code"] != "FORBIDDEN" {
			t.Errorf("a reader asks %s: %s %+v, want FORBIDDEN", q, r.Data, r.Errors)
		}
	}
	r := servertest.DoAs(t, w.api.url, w.editor, `query ($pat: ID!) {
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
}
