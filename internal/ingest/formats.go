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

// looksLikeJSON: a canonical document starts with an object or an array.
func looksLikeJSON(head []byte) bool {
	head = bytes.TrimLeft(bytes.TrimPrefix(head, []byte("\xef\xbb\xbf")), " \t\r\n")
	return len(head) > 0 && (head[0] == '{' || head[0] == '[')
}
