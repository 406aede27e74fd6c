package export

import (
	"io"
	"net/url"
	"strings"
	"time"

	"github.com/lettergraph/lettergraph/internal/domain"
	"github.com/lettergraph/lettergraph/internal/ingest/cmif"
)

// CMIFHeader describes a CMIF file as its teiHeader/fileDesc says: what it is, who
// made it, where it is published and under which licence. Empty fields take the
// defaults of DefaultCMIFHeader.
type CMIFHeader struct {
	Title     string
	Editor    string
	Publisher string
	URL       string // where the file is published (publicationStmt/idno type="url", empty when not known)
	Licence   string // the licence's URL
}

// DefaultCMIFHeader is the header of a CMIF export unless told otherwise: CMIF asks
// for a CC BY 4.0 (or CC0) licence.
var DefaultCMIFHeader = CMIFHeader{
	Title:     "Letters exported from lettergraph",
	Editor:    "lettergraph",
	Publisher: "lettergraph",
	Licence:   "https://creativecommons.org/licenses/by/4.0/",
}

func (h CMIFHeader) orDefault() CMIFHeader {
	d := DefaultCMIFHeader
	for _, f := range []struct{ v, def *string }{{&h.Title, &d.Title}, {&h.Editor, &d.Editor},
		{&h.Publisher, &d.Publisher}, {&h.URL, &d.URL}, {&h.Licence, &d.Licence}} {
		if *f.v == "" {
			*f.v = *f.def
		}
	}
	return h
}

// CMIFBibl is the xml:id of the one sourceDesc/bibl of a CMIF export, which every
// correspDesc's @source points at. The CMIF importer scopes a letter's @key by it.
const CMIFBibl = "lettergraph"

// The vocabulary of CMIF 2 statements in correspDesc/note.
const cmifVocab = "https://lod.academy/cmif/vocab/terms#"

// WriteCMIF writes letters as a CMIF file (TEI: one correspDesc a letter in
// teiHeader/profileDesc), the inverse of the CMIF importer (internal/ingest/cmif), so
// that importing the file gives back each letter's parties in their roles and order,
// its date, place and language. What CMIF cannot say is left out: titles, bodies,
// offices as such, replies, restriction, the date as written. The file follows the
// CMIF schema (cmi-customization.rng, its Schematron rules included). In detail:
//
//   - correspAction "sent" holds the authors, the place of writing (placeName) and the
//     date; "received" the recipients; "received" with subtype "cc" or "bcc" the
//     copies (CMIF's way to say copied, which the importer reads). A sent or received action without parties holds
//     persName "Unknown", as CMIF asks, which the importer reads as no party.
//   - A person is a persName, an organisation an orgName, an office an orgName
//     "Title (Organisation)" (CMIFName), each with its authority ids in @ref.
//   - The date: @when at the letter's precision ("1794", "1794-06", "1794-06-13"),
//     or @notBefore/@notAfter when the bounds are not those the precision implies
//     (cmifDate). CMIF's date holds no text.
//   - A letter whose external id is an http(s) URL has it as @ref; any other has
//     @key: its external id, or its id when it has none, and a key that an import
//     of such a file made ("cmif:lettergraph#KEY") is written back as KEY, so that
//     exporting and importing again keeps it.
//   - Mentioned correspondents and places, and the language, are CMIF 2 statements in
//     note/ref.
func WriteCMIF(w io.Writer, letters Letters, h CMIFHeader, now time.Time) error {
	h = h.orDefault()
	x := newXML(w, `<?xml-model href="https://raw.githubusercontent.com/TEI-Correspondence-SIG/CMIF/master/schema/cmi-customization.rng" type="application/xml" schematypens="http://relaxng.org/ns/structure/1.0"?>`)
	x.start("TEI", "xmlns", "http://www.tei-c.org/ns/1.0")
	x.start("teiHeader")
	x.start("fileDesc")
	x.start("titleStmt")
	x.leaf("title", h.Title)
	x.leaf("editor", h.Editor)
	x.end()
	x.start("publicationStmt")
	x.leaf("publisher", h.Publisher)
	x.leaf("idno", h.URL, "type", "url") // CMIF requires it, so it is there even when empty
	x.leaf("date", "", "when", now.UTC().Format(time.RFC3339))
	x.start("availability")
	x.leaf("licence", "This file is licensed under the terms of the licence at "+h.Licence+".", "target", h.Licence)
	x.end()
	x.end()
	x.start("sourceDesc")
	x.leaf("bibl", h.Title, "type", "online", "xml:id", CMIFBibl)
	x.end()
	x.end() // fileDesc
	x.start("profileDesc")
	err := letters(func(r *domain.LetterRecord) error {
		writeCorrespDesc(x, r.Letter)
		return x.err
	})
	if err != nil {
		return err
	}
	x.end() // profileDesc
	x.end() // teiHeader
	x.start("text")
	x.start("body")
	x.leaf("p", "")
	return x.close()
}

func writeCorrespDesc(x *xmlOut, l *domain.Letter) {
	ref, key := "", ""
	if isHTTPURL(l.ExternalID) {
		ref = l.ExternalID
	} else {
		key = cmifKey(l)
	}
	x.start("correspDesc", "ref", ref, "key", key, "source", "#"+CMIFBibl)
	x.start("correspAction", "type", "sent")
	cmifParties(x, l.Authors, true)
	if p := l.WrittenAt; p != nil {
		x.leaf("placeName", p.Name, "ref", strings.Join(p.AuthorityIDs, " "))
	} else if l.PlaceText != "" {
		x.leaf("placeName", l.PlaceText)
	}
	cmifDate(x, l)
	x.end()
	x.start("correspAction", "type", "received")
	cmifParties(x, l.Recipients, true)
	x.end()
	for _, copies := range []struct {
		subtype string
		parties []domain.Party
	}{{"cc", l.CC}, {"bcc", l.BCC}} {
		if len(copies.parties) > 0 {
			x.start("correspAction", "type", "received", "subtype", copies.subtype)
			cmifParties(x, copies.parties, false)
			x.end()
		}
	}
	var mentions []domain.Node
	for _, m := range l.Mentions {
		if _, isLetter := m.(*domain.Letter); !isLetter {
			mentions = append(mentions, m)
		}
	}
	if len(mentions) > 0 || l.Language != "" {
		x.start("note")
		for _, m := range mentions {
			switch m := m.(type) {
			case *domain.Place:
				x.leaf("ref", m.Name, "type", cmifVocab+"mentionsPlace", "target", strings.Join(m.AuthorityIDs, " "))
			case *domain.Person:
				x.leaf("ref", m.Name, "type", cmifVocab+"mentionsPerson", "target", strings.Join(m.AuthorityIDs, " "))
			case domain.Correspondent:
				_, name, ids := CMIFName(m)
				x.leaf("ref", name, "type", cmifVocab+"mentionsOrganization", "target", strings.Join(ids, " "))
			}
		}
		if l.Language != "" {
			x.leaf("ref", "", "type", cmifVocab+"hasLanguage", "target", l.Language)
		}
		x.end()
	}
	x.end()
}

// cmifKey is the @key of a letter whose external id is no URL: its external id, less
// the prefix a CMIF import of this export's bibl gave it, or its id.
func cmifKey(l *domain.Letter) string {
	if l.ExternalID == "" {
		return l.ID
	}
	return strings.TrimPrefix(l.ExternalID, cmif.KeyID(CMIFBibl, ""))
}

func isHTTPURL(s string) bool {
	u, err := url.Parse(s)
	return err == nil && (u.Scheme == "http" || u.Scheme == "https") && u.Host != ""
}

// cmifParties writes the parties of one correspAction; unknown stands in for none.
func cmifParties(x *xmlOut, parties []domain.Party, unknown bool) {
	if len(parties) == 0 && unknown {
		x.leaf("persName", "Unknown")
	}
	for _, p := range parties {
		el, name, ids := CMIFName(p.Correspondent)
		x.leaf(el, name, "ref", strings.Join(ids, " "))
	}
}

// CMIFName is how CMIF names a correspondent: the element (persName or orgName), the
// name, and the authority ids. CMIF has no offices: an office is an orgName "Title
// (Organisation)", which an import reads as an organisation of that name.
func CMIFName(c domain.Correspondent) (element, name string, authorityIDs []string) {
	switch c := c.(type) {
	case *domain.Person:
		return "persName", c.Name, c.AuthorityIDs
	case *domain.Organisation:
		return "orgName", c.Name, c.AuthorityIDs
	case *domain.Office:
		if c.Organisation != nil {
			return "orgName", c.Title + " (" + c.Organisation.Name + ")", nil
		}
		return "orgName", c.Title, nil
	}
	return "name", c.DisplayName(), nil
}

// cmifDate writes the sender's date element, which in CMIF has attributes only:
// @when at the letter's precision when its bounds are those the precision implies,
// else the bounds alone, since CMIF's Schematron forbids @when beside @notBefore or
// @notAfter and the bounds are what the letter's date filters search. A letter with
// no date TEI can write has no date element.
func cmifDate(x *xmlOut, l *domain.Letter) {
	when, lo, hi := "", cmifDay(l.DateNotBefore), cmifDay(l.DateNotAfter)
	if d := l.Date; d != nil && cmifDay(d) != "" {
		first, last := domain.DateBounds(*d, l.DatePrecision)
		if (lo == "" || lo == day(&first)) && (hi == "" || hi == day(&last)) {
			switch l.DatePrecision {
			case domain.PrecisionDay:
				when = d.Format("2006-01-02")
			case domain.PrecisionMonth:
				when = d.Format("2006-01")
			case domain.PrecisionYear:
				when = d.Format("2006")
			}
		}
	}
	if when != "" {
		lo, hi = "", ""
	}
	if when == "" && lo == "" && hi == "" {
		return
	}
	x.leaf("date", "", "when", when, "notBefore", lo, "notAfter", hi)
}

// cmifDay is a day as TEI's dates write it (YYYY-MM-DD), "" for none and for a year
// outside 1 to 9999, which they cannot (XML Schema 1.0 has no year 0000).
func cmifDay(t *time.Time) string {
	if t == nil || t.Year() < 1 || t.Year() > 9999 {
		return ""
	}
	return day(t)
}
