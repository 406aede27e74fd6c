package cmif

import (
	"encoding/xml"
	"fmt"
	"strings"
	"unicode/utf8"

	"golang.org/x/text/language"

	"github.com/lettergraph/lettergraph/internal/domain"
	"github.com/lettergraph/lettergraph/internal/ingest/document"
)

// letterBuilder gathers one correspDesc into a letter.
type letterBuilder struct {
	origin                      string
	in                          domain.LetterInput
	authorNames, recipientNames []string // short names, for the title
	sent, received              bool
	types                       []string // correspAction types seen, for errors
	dated                       bool
	date                        letterDate
	start                       int64                // input offset of the correspDesc
	err                         *document.ParseError // the first problem; the letter then fails
}

// fail records a problem that keeps this letter from being read.
func (b *letterBuilder) fail(p *parser, element, expected, found string) {
	if b.err == nil {
		b.err = &document.ParseError{Origin: b.origin, Line: p.line(), Element: element, Expected: expected, Found: found}
	}
}

// full reports whether the letter cannot take more, failing it when it has grown too
// big: once failed, a letter gathers nothing more, so its memory stays bounded.
func (b *letterBuilder) full(p *parser) bool {
	if b.err == nil && p.dec.InputOffset()-b.start > maxLetter {
		b.fail(p, p.path(), fmt.Sprintf("a correspDesc of at most %d bytes", maxLetter), "a longer one")
	}
	return b.err != nil
}

// readCorrespDesc reads the correspDesc just opened. Problems with the letter make a
// failed item; the error returned is one that ends the source.
func (p *parser) readCorrespDesc(el xml.StartElement) (document.Item, error) {
	p.letters++
	b := &letterBuilder{origin: fmt.Sprintf("%s#%d", p.origin, p.letters), start: p.dec.InputOffset()}
	path, line := p.path(), p.line()
	err := p.walk(func(c xml.StartElement) (bool, error) {
		switch {
		case is(c.Name, "correspAction"):
			return true, p.readAction(b, c)
		case is(c.Name, "note"):
			return true, p.readNote(b)
		}
		return true, p.skip() // correspContext, p: not part of the model
	}, nil)
	if err != nil {
		return document.Item{}, err
	}
	if b.err == nil && !b.sent && !b.received {
		found := "no correspAction"
		if len(b.types) > 0 {
			found = "only type " + strings.Join(b.types, ", ")
		}
		b.err = &document.ParseError{Origin: b.origin, Line: line, Element: path,
			Expected: `a correspAction of type "sent" or "received"`, Found: found}
	}
	if b.err != nil {
		return document.Item{Origin: b.origin, Err: b.err}, nil
	}
	p.finish(b, el, path)
	if b.err != nil {
		return document.Item{Origin: b.origin, Err: b.err}, nil
	}
	return document.Item{Origin: b.origin, Letter: b.in}, nil
}

// readAction reads one correspAction: its correspondents by role, and for the sender
// also the place and date of writing (those of receipt are not modelled).
func (p *parser) readAction(b *letterBuilder, el xml.StartElement) error {
	typ := strings.TrimSpace(attr(el, "type"))
	b.types = append(b.types, typ)
	var list *[]domain.PartyInput
	var short *[]string
	switch copyOf := strings.TrimSpace(attr(el, "subtype")); {
	case typ == "received" && copyOf == "cc":
		b.received, list = true, &b.in.CC
	case typ == "received" && copyOf == "bcc":
		b.received, list = true, &b.in.BCC
	case typ == "sent":
		b.sent, list, short = true, &b.in.Authors, &b.authorNames
	case typ == "received":
		b.received, list, short = true, &b.in.Recipients, &b.recipientNames
	case typ == "cc":
		list = &b.in.CC
	case typ == "bcc":
		list = &b.in.BCC
	case typ == "transmitted", typ == "redirected", typ == "forwarded":
		// Intermediaries in the letter's journey are not parties to it.
		return p.skip()
	default:
		found := typ
		if found == "" {
			found = "no type"
		}
		b.fail(p, p.path()+"/@type", `type "sent", "received", "cc", "bcc", "transmitted", "redirected" or "forwarded"`, found)
		return p.skip()
	}
	sent := typ == "sent"
	return p.walk(func(c xml.StartElement) (bool, error) {
		if b.full(p) {
			return true, p.skip()
		}
		switch {
		case is(c.Name, "persName"), is(c.Name, "orgName"):
			if len(*list) >= domain.MaxParties {
				b.fail(p, p.path(), fmt.Sprintf("at most %d correspondents of type %q", domain.MaxParties, typ), "more")
				return true, p.skip()
			}
			party, name, err := p.readParty(b, c)
			if party != nil {
				*list = append(*list, *party)
				if short != nil {
					*short = append(*short, name)
				}
			}
			return true, err
		case is(c.Name, "placeName") && sent && b.in.WrittenAt == nil:
			return true, p.readPlace(b, c)
		case is(c.Name, "date") && sent && !b.dated:
			b.dated = true
			return true, p.readDateElement(b, c)
		case is(c.Name, "note"), is(c.Name, "placeName"), is(c.Name, "date"):
			return true, p.skip()
		}
		return false, nil
	}, nil)
}

// readName reads the text of the name element just opened (notes left out).
func (p *parser) readName() (*lineText, error) {
	t := newLineText()
	err := p.walk(func(c xml.StartElement) (bool, error) {
		if is(c.Name, "note") {
			return true, p.skip()
		}
		t.gap()
		return false, nil
	}, t.add)
	return t, err
}

// readNamed reads a persName, orgName or placeName: its name and authority ids. ok
// is false when there is nothing to record: no name (or a name that says "unknown")
// and no @ref. A @ref without a name, or an overlong name, fails the letter.
func (p *parser) readNamed(b *letterBuilder, el xml.StartElement) (name string, ids []string, ok bool, err error) {
	path := p.path()
	ref := strings.TrimSpace(attr(el, "ref"))
	t, err := p.readName()
	if err != nil {
		return "", nil, false, err
	}
	name, ids = t.String(), authorityIDs(ref)
	switch {
	case t.tooLong():
		b.fail(p, path, fmt.Sprintf("a name of at most %d characters", domain.MaxShortText), truncate(name, 40))
		return "", nil, false, nil
	case domain.NormalizeName(name) == "" && ref != "":
		b.fail(p, path, "a name for "+truncate(ref, 200), name)
		return "", nil, false, nil
	case domain.NormalizeName(name) == "", isUnknown(name) && ref == "":
		return "", nil, false, nil
	}
	return name, ids, true, nil
}

// readParty reads a persName (a person, the name put in reading order) or an orgName
// (an organisation), and returns the name the title uses.
func (p *parser) readParty(b *letterBuilder, el xml.StartElement) (*domain.PartyInput, string, error) {
	written, ids, ok, err := p.readNamed(b, el)
	if !ok || err != nil {
		return nil, "", err
	}
	if is(el.Name, "orgName") {
		return &domain.PartyInput{Organisation: &domain.OrganisationInput{Name: written, AuthorityIDs: ids}}, written, nil
	}
	name, inverted, family := personName(written)
	person := &domain.PersonInput{Name: name, AuthorityIDs: ids}
	if inverted != "" {
		person.Aliases = []string{inverted}
	}
	return &domain.PartyInput{Person: person}, family, nil
}

// readPlace reads the sender's placeName: where the letter was written.
func (p *parser) readPlace(b *letterBuilder, el xml.StartElement) error {
	name, ids, ok, err := p.readNamed(b, el)
	if ok {
		b.in.WrittenAt = &domain.PlaceInput{Name: name, AuthorityIDs: ids}
		b.in.PlaceText = name
	}
	return err
}

// readDateElement reads the sender's date.
func (p *parser) readDateElement(b *letterBuilder, el xml.StartElement) error {
	path := p.path()
	a := dateAttrs{
		When:      strings.TrimSpace(attr(el, "when")),
		NotBefore: strings.TrimSpace(attr(el, "notBefore")),
		NotAfter:  strings.TrimSpace(attr(el, "notAfter")),
		From:      strings.TrimSpace(attr(el, "from")),
		To:        strings.TrimSpace(attr(el, "to")),
	}
	t, err := p.readName()
	if err != nil {
		return err
	}
	if t.tooLong() {
		b.fail(p, path, fmt.Sprintf("a date of at most %d characters", domain.MaxShortText), truncate(t.String(), 40))
		return nil
	}
	a.Text = t.String()
	d, derr := readDate(a)
	if derr != nil {
		b.fail(p, path+"/@"+derr.Attr, derr.Expected, derr.Value)
		return nil
	}
	b.date = d
	return nil
}

// readNote reads the CMIF 2 statements in correspDesc/note: <ref type="cmif:X"
// target="URI">, of which the mentioned persons, organisations and places (best
// effort: unusable ones are left out) and the letter's language are kept.
func (p *parser) readNote(b *letterBuilder) error {
	return p.walk(func(c xml.StartElement) (bool, error) {
		if b.full(p) {
			return true, p.skip()
		}
		if !is(c.Name, "ref") {
			return false, nil
		}
		target := strings.TrimSpace(attr(c, "target"))
		switch term := vocabTerm(attr(c, "type")); term {
		case "mentionsPerson", "mentionsOrganization", "mentionsOrganisation", "mentionsPlace":
			t, err := p.readName()
			name, ids := t.String(), authorityIDs(target)
			if err != nil || t.tooLong() || domain.NormalizeName(name) == "" || isUnknown(name) && len(ids) == 0 ||
				len(b.in.Mentions) >= domain.MaxParties {
				return true, err
			}
			b.in.Mentions = append(b.in.Mentions, mention(term, name, ids))
			return true, nil
		case "hasLanguage":
			if _, err := language.Parse(target); err == nil && b.in.Language == "" && target != "" {
				b.in.Language = target
			}
		}
		return true, p.skip()
	}, nil)
}

func mention(term, name string, ids []string) domain.MentionInput {
	switch term {
	case "mentionsPlace":
		return domain.MentionInput{Place: &domain.PlaceInput{Name: name, AuthorityIDs: ids}}
	case "mentionsPerson":
		name, inverted, _ := personName(name)
		person := &domain.PersonInput{Name: name, AuthorityIDs: ids}
		if inverted != "" {
			person.Aliases = []string{inverted}
		}
		return domain.MentionInput{Party: &domain.PartyInput{Person: person}}
	}
	return domain.MentionInput{Party: &domain.PartyInput{Organisation: &domain.OrganisationInput{Name: name, AuthorityIDs: ids}}}
}

// vocabTerm returns the term of a CMIF vocabulary reference, written with the prefix
// ("cmif:mentionsPerson") or in full ("https://lod.academy/cmif/vocab/terms#mentionsPerson").
func vocabTerm(typ string) string {
	typ = strings.TrimSpace(typ)
	return typ[strings.LastIndexAny(typ, ":/#")+1:]
}

// KeyID is the external id of a letter known by its @key in the bibl biblID ("" for
// none): "cmif:bibl#key", or "cmif:key". An export that writes keys takes them back
// out with it.
func KeyID(biblID, key string) string {
	if biblID == "" {
		return "cmif:" + key
	}
	return "cmif:" + biblID + "#" + key
}

// finish fills what comes from the correspDesc as a whole: format, date, identifier,
// source and title.
//
// ExternalID is @ref (the letter's URL) when given; else "cmif:" + @key, the key
// scoped by the @source bibl's xml:id when there is one ("cmif:BIBL#KEY"), because a
// printed edition's letter numbers repeat from edition to edition. Source is @ref,
// else the citation of the bibl @source points at, else the file itself.
func (p *parser) finish(b *letterBuilder, el xml.StartElement, path string) {
	in := &b.in
	in.SourceFormat = domain.FormatCMIF
	in.Date, in.DatePrecision = b.date.Date, b.date.Precision
	in.DateNotBefore, in.DateNotAfter, in.DateText = b.date.NotBefore, b.date.NotAfter, b.date.Text
	if in.DatePrecision == "" {
		in.DatePrecision = domain.PrecisionUnknown
	}

	ref := strings.Fields(attr(el, "ref"))
	key := strings.TrimSpace(attr(el, "key"))
	biblID, citation := p.bibl(attr(el, "source"))
	idAttr := "@ref"
	switch {
	case len(ref) > 0:
		in.ExternalID, in.Source = ref[0], ref[0]
	case key != "":
		in.ExternalID, idAttr = KeyID(biblID, key), "@key"
	}
	if utf8.RuneCountInString(in.ExternalID) > domain.MaxShortText {
		b.fail(p, path+"/"+idAttr, fmt.Sprintf("an identifier of at most %d characters", domain.MaxShortText), truncate(in.ExternalID, 40))
		return
	}
	if in.Source == "" {
		in.Source = citation
	}
	if in.Source == "" {
		in.Source = p.origin
	}
	in.Source = truncate(in.Source, domain.MaxShortText)
	in.Title = makeTitle(b.authorNames, b.recipientNames, b.date.Readable)
}

// bibl returns the first sourceDesc bibl that @source ("#id", possibly several)
// points at: its xml:id and its citation.
func (p *parser) bibl(source string) (id, citation string) {
	for _, f := range strings.Fields(source) {
		id := strings.TrimPrefix(f, "#")
		if c, ok := p.bibls[id]; ok {
			return id, c
		}
	}
	return "", ""
}
