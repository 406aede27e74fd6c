package email

import (
	"bytes"
	"strings"
)

// LooksLikeMbox reports whether head, the first bytes of a source, starts an mbox: a
// "From " separator line with a sender and a date ("From jdoe@example.com Fri Nov 21
// 09:55:06 1997"), followed, if head goes on, by a header field.
func LooksLikeMbox(head []byte) bool {
	head = bytes.TrimPrefix(head, []byte("\xef\xbb\xbf"))
	first, rest, more := bytes.Cut(head, []byte("\n"))
	if !isSeparator(first) {
		return false
	}
	next, _, _ := bytes.Cut(rest, []byte("\n"))
	next = bytes.TrimRight(next, "\r")
	if !more || len(rest) == 0 {
		return true
	}
	_, _, ok := splitField(next)
	return ok
}

// LooksLikeEmail reports whether head, the first bytes of a source, starts an RFC 5322
// message: header fields (with continuation lines) up to a blank line, the end of
// head, or — after two fields or more — a line that is no field; and among them proof
// of email: a From, Sender, To or Cc with an address in it, or a Message-ID, Received,
// Return-Path, MIME-Version or Delivered-To field. A memo that begins "From: John /
// To: Mary / Subject: …" without an address is left to the plain-text importer, and
// an mbox (a "From " line first) to LooksLikeMbox.
func LooksLikeEmail(head []byte) bool {
	head = bytes.TrimPrefix(head, []byte("\xef\xbb\xbf"))
	lines := bytes.Split(head, []byte("\n"))
	if len(lines) > 1 {
		lines = lines[:len(lines)-1] // the last line may be cut short by the size of head
	}
	proof, fields := false, 0
	for _, l := range lines {
		l = bytes.TrimRight(l, "\r")
		if len(l) == 0 {
			break
		}
		if l[0] == ' ' || l[0] == '\t' {
			if fields == 0 {
				return false
			}
			continue
		}
		name, value, ok := splitField(l)
		if !ok {
			// Parse reads a header that runs straight into its body; detection wants
			// more than one field before it believes that.
			return proof && fields >= 2
		}
		fields++
		switch name {
		case "message-id", "received", "return-path", "mime-version", "delivered-to":
			proof = true
		case "from", "sender", "to", "cc":
			if strings.Contains(value, "@") {
				proof = true
			}
		}
	}
	return proof
}
