package email

import "github.com/lettergraph/lettergraph/internal/domain"

func hasMessageField(h header) bool {
	for _, f := range h {
		if messageFields[f.name] {
			return true
		}
	}
	return false
}

// letter maps the header of a message to a letter (all but its body and source).
func letter(h header) domain.LetterInput {
	ct, _ := h.get("content-type")
	_, params := mediaType(toUTF8(ct, ""), "text/plain")
	hint := params["charset"] // raw 8-bit header bytes are most likely in the body's charset
	text := func(name string) string {
		v, _ := h.get(name)
		return domain.CleanText(headerText(v, hint))
	}
	addresses := func(name string) []mailbox {
		return parseAddresses(toUTF8(h.joined(name), hint))
	}

	in := domain.LetterInput{SourceFormat: domain.FormatEmail}
	in.Subject = truncateRunes(text("subject"), domain.MaxShortText)
	in.Title = in.Subject
	if in.Title == "" {
		in.Title = NoSubject
	}

	if raw, ok := h.get("date"); ok {
		in.DateText = truncateRunes(domain.CleanText(toUTF8(raw, hint)), domain.MaxShortText)
		if d, ok := parseDate(in.DateText); ok {
			in.Date = &d
			in.DatePrecision = domain.PrecisionDay
		}
	}
	if in.Date == nil {
		in.DatePrecision = domain.PrecisionUnknown
	}

	id, _ := h.get("message-id")
	if ids := msgIDs(toUTF8(id, hint)); len(ids) > 0 {
		in.ExternalID = ids[0]
	}
	irt, _ := h.get("in-reply-to")
	refs, _ := h.get("references")
	in.RepliesTo, in.Related = threadRefs(toUTF8(irt, hint), toUTF8(refs, hint), in.ExternalID)

	from := addresses("from")
	if sender := addresses("sender"); len(sender) > 0 && !containsMailbox(from, sender[0]) && len(from) < domain.MaxParties {
		from = append(from, sender[0]) // the one who sent it for the author(s)
	}
	in.Authors = parties(from)
	in.Recipients = parties(addresses("to"))
	in.CC = parties(addresses("cc"))
	in.BCC = parties(addresses("bcc"))
	return in
}

// containsMailbox reports whether m is in list: by address when both have one, else
// by name, since a mailbox whose address is unusable ("Jane Doe <jane>") is the same
// person as one of the same name with an address.
func containsMailbox(list []mailbox, m mailbox) bool {
	for _, l := range list {
		if m.Email != "" && l.Email == m.Email ||
			(m.Email == "" || l.Email == "") && domain.NormalizeName(l.Name) == domain.NormalizeName(m.Name) {
			return true
		}
	}
	return false
}
