package domain

import (
	"crypto/sha256"
	"encoding/hex"
	"strings"
	"time"
)

// ContentHash returns the identity of a document's content: the same letter imported
// twice, from the same or another copy, has the same hash, so it is stored once. It
// covers what makes a letter this letter (title, subject, body with white space
// folded, date as written and as read, external id, and each role's parties in order),
// not how it arrived (source, format, import time). in must be normalised.
func ContentHash(in *LetterInput) string {
	h := sha256.New()
	field := func(name, v string) {
		// Length-prefixing would also do; a separator that cannot occur in folded text
		// keeps the input readable when debugging.
		h.Write([]byte(name + "\x1f" + v + "\x1e"))
	}
	field("v", "1")
	field("title", CleanText(in.Title))
	field("subject", CleanText(in.Subject))
	field("body", CleanText(in.Body))
	field("dateText", in.DateText)
	if in.Date != nil {
		field("date", in.Date.Format(time.DateOnly)+"/"+string(in.DatePrecision))
	}
	field("externalId", in.ExternalID)
	for _, role := range []struct {
		name    string
		parties []PartyInput
	}{{"authors", in.Authors}, {"recipients", in.Recipients}, {"cc", in.CC}, {"bcc", in.BCC}} {
		keys := make([]string, len(role.parties))
		for i, p := range role.parties {
			keys[i] = p.key()
		}
		field(role.name, strings.Join(keys, "\x1d"))
	}
	return hex.EncodeToString(h.Sum(nil))
}

// key is a party's identity as far as the input alone tells it.
func (p *PartyInput) key() string {
	switch {
	case p.ID != "":
		return "id:" + p.ID
	case p.Person != nil && p.Person.ID != "":
		return "id:" + p.Person.ID
	case p.Person != nil:
		return "person:" + NormalizeName(p.Person.Name)
	case p.Organisation != nil && p.Organisation.ID != "":
		return "id:" + p.Organisation.ID
	case p.Organisation != nil:
		return "org:" + NormalizeName(p.Organisation.Name)
	case p.Office != nil && p.Office.ID != "":
		return "id:" + p.Office.ID
	case p.Office != nil:
		of := ""
		if p.Office.Of != nil {
			of = p.Office.Of.ID + NormalizeName(p.Office.Of.Name)
		}
		return "office:" + NormalizeTitle(p.Office.Title) + "@" + of
	}
	return ""
}
