package ingest

import (
	"bytes"

	"github.com/lettergraph/lettergraph/internal/ingest/canonical"
	"github.com/lettergraph/lettergraph/internal/ingest/cmif"
	"github.com/lettergraph/lettergraph/internal/ingest/email"
	"github.com/lettergraph/lettergraph/internal/ingest/text"
)

// formats is the detection order: the most specific first, plain text last.
var formats = []Format{
	{Name: "json", Detect: looksLikeJSON, Parse: canonical.Read},
	{Name: "cmif", Detect: cmif.LooksLikeCMIF, Parse: cmif.Parse},
	{Name: "mbox", Detect: email.LooksLikeMbox, Parse: email.ParseMbox},
	{Name: "email", Detect: email.LooksLikeEmail, Parse: email.Parse},
	{Name: "text", Detect: text.LooksLikeText, Parse: text.Parse},
}

// looksLikeJSON: a canonical document starts with an object (whose first key is a
// string) or an array (of objects); a letter that starts with "[Forwarded message]"
// or "{draft}" is text.
func looksLikeJSON(head []byte) bool {
	head = bytes.TrimLeft(bytes.TrimPrefix(head, []byte("\xef\xbb\xbf")), " \t\r\n")
	if len(head) == 0 || head[0] != '{' && head[0] != '[' {
		return false
	}
	next := bytes.TrimLeft(head[1:], " \t\r\n")
	if len(next) == 0 {
		return true // a head cut short: let the JSON reader say
	}
	if head[0] == '{' {
		return next[0] == '"' || next[0] == '}'
	}
	return next[0] == '{' || next[0] == ']'
}
