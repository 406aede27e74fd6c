package domain

import (
	"fmt"
	"net/url"
	"strings"
	"time"
	"unicode/utf8"

	"golang.org/x/text/language"
)

// Input limits. They keep a single document to a size a person could have written.
const (
	MaxShortText = 1000    // runes in a title, subject, name or other one-line field
	MaxBody      = 1 << 20 // bytes of body text
	MaxParties   = 1000    // entries in one list (authors, cc, related, …)
)

// Normalize cleans in (trims one-line fields, splits honorifics off person names, sets
// the default precision, date bounds and source format) and validates it. It returns a
// BAD_USER_INPUT *Error naming the first offending field, with path prefix as its root
// (for example "input"). On error in may be partly cleaned and must not be written.
func (in *LetterInput) Normalize(prefix string) error {
	f := func(name string) string { return prefix + "." + name }
	in.Title = CleanText(in.Title)
	in.Subject = CleanText(in.Subject)
	in.Body = strings.TrimSpace(in.Body)
	in.DateText = CleanText(in.DateText)
	in.PlaceText = CleanText(in.PlaceText)
	in.Source = strings.TrimSpace(in.Source)
	in.ExternalID = strings.TrimSpace(in.ExternalID)
	in.Language = strings.TrimSpace(in.Language)

	if in.Title == "" && in.Subject == "" && in.Body == "" {
		return Invalid(prefix, "a letter needs a title, a subject or a body")
	}
	for _, fv := range []struct{ name, v string }{
		{"title", in.Title}, {"subject", in.Subject}, {"dateText", in.DateText},
		{"placeText", in.PlaceText}, {"source", in.Source}, {"externalId", in.ExternalID},
	} {
		if err := checkShort(f(fv.name), fv.v); err != nil {
			return err
		}
	}
	if len(in.Body) > MaxBody {
		return Invalid(f("body"), "is %d bytes; at most %d are allowed", len(in.Body), MaxBody)
	}
	if !utf8.ValidString(in.Body) {
		return Invalid(f("body"), "is not valid UTF-8")
	}
	if in.Language != "" {
		tag, err := language.Parse(in.Language)
		if err != nil {
			return Invalid(f("language"), "%q is not a BCP 47 language tag such as \"en\" or \"fa\"", in.Language)
		}
		in.Language = tag.String()
	}
	if in.SourceFormat == "" {
		in.SourceFormat = FormatJSON
	}
	if !validSourceFormat(in.SourceFormat) {
		return Invalid(f("sourceFormat"), "%q is not one of TEXT, EMAIL, CMIF, JSON", in.SourceFormat)
	}
	if err := normalizeDates(prefix, &in.Date, &in.DatePrecision, &in.DateNotBefore, &in.DateNotAfter); err != nil {
		return err
	}
	if in.WrittenAt != nil {
		if err := in.WrittenAt.normalize(f("writtenAt")); err != nil {
			return err
		}
	}
	lists := []struct {
		name    string
		role    Role
		parties []PartyInput
	}{
		{"authors", RoleAuthor, in.Authors},
		{"recipients", RoleRecipient, in.Recipients},
		{"cc", RoleCC, in.CC},
		{"bcc", RoleBCC, in.BCC},
	}
	for _, l := range lists {
		if len(l.parties) > MaxParties {
			return Invalid(f(l.name), "has %d entries; at most %d are allowed", len(l.parties), MaxParties)
		}
		for i := range l.parties {
			if err := l.parties[i].Normalize(fmt.Sprintf("%s[%d]", f(l.name), i), l.role); err != nil {
				return err
			}
		}
	}
	for i := range in.OnBehalfOf {
		if err := in.OnBehalfOf[i].normalize(fmt.Sprintf("%s[%d]", f("onBehalfOf"), i)); err != nil {
			return err
		}
	}
	for i := range in.Mentions {
		if err := in.Mentions[i].normalize(fmt.Sprintf("%s[%d]", f("mentions"), i)); err != nil {
			return err
		}
	}
	for _, l := range []struct {
		name string
		refs []LetterRef
	}{{"repliesTo", in.RepliesTo}, {"related", in.Related}} {
		if len(l.refs) > MaxParties {
			return Invalid(f(l.name), "has %d entries; at most %d are allowed", len(l.refs), MaxParties)
		}
		for i := range l.refs {
			if err := l.refs[i].Normalize(fmt.Sprintf("%s[%d]", f(l.name), i)); err != nil {
				return err
			}
		}
	}
	return nil
}

// Normalize cleans and validates a patch like LetterInput.Normalize does.
func (p *LetterPatch) Normalize(prefix string) error {
	f := func(name string) string { return prefix + "." + name }
	for _, fv := range []struct {
		name string
		v    *string
	}{
		{"title", p.Title}, {"subject", p.Subject}, {"dateText", p.DateText},
		{"placeText", p.PlaceText}, {"source", p.Source}, {"externalId", p.ExternalID},
		{"language", p.Language},
	} {
		if fv.v == nil {
			continue
		}
		*fv.v = CleanText(*fv.v)
		if err := checkShort(f(fv.name), *fv.v); err != nil {
			return err
		}
	}
	if p.Body != nil {
		*p.Body = strings.TrimSpace(*p.Body)
		if len(*p.Body) > MaxBody {
			return Invalid(f("body"), "is %d bytes; at most %d are allowed", len(*p.Body), MaxBody)
		}
	}
	if p.Language != nil && *p.Language != "" {
		tag, err := language.Parse(*p.Language)
		if err != nil {
			return Invalid(f("language"), "%q is not a BCP 47 language tag such as \"en\" or \"fa\"", *p.Language)
		}
		*p.Language = tag.String()
	}
	if p.ClearDate && (p.Date != nil || p.DateNotBefore != nil || p.DateNotAfter != nil) {
		return Invalid(f("date"), "cannot both clear the date and set it")
	}
	if p.Date != nil || p.DatePrecision != nil || p.DateNotBefore != nil || p.DateNotAfter != nil {
		var prec DatePrecision
		if p.DatePrecision != nil {
			prec = *p.DatePrecision
		}
		if err := normalizeDates(prefix, &p.Date, &prec, &p.DateNotBefore, &p.DateNotAfter); err != nil {
			return err
		}
		p.DatePrecision = &prec
	}
	return nil
}

// normalizeDates checks a date, its precision and its bounds, and derives what is
// missing: the precision from the date, and the bounds from date and precision, so that
// a date-range filter can compare bounds alone.
func normalizeDates(prefix string, date **time.Time, prec *DatePrecision, notBefore, notAfter **time.Time) error {
	f := func(name string) string { return prefix + "." + name }
	for _, d := range []*time.Time{*date, *notBefore, *notAfter} {
		if d != nil {
			*d = truncateDay(*d)
		}
	}
	switch {
	case *prec == "" && *date != nil:
		*prec = PrecisionDay
	case *prec == "":
		*prec = PrecisionUnknown
	}
	switch *prec {
	case PrecisionDay, PrecisionMonth, PrecisionYear:
		if *date == nil {
			return Invalid(f("datePrecision"), "is %s but no date is given", *prec)
		}
	case PrecisionUnknown:
		if *date != nil {
			return Invalid(f("datePrecision"), "is UNKNOWN but a date is given")
		}
	default:
		return Invalid(f("datePrecision"), "%q is not one of DAY, MONTH, YEAR, UNKNOWN", *prec)
	}
	if *date != nil {
		first, last := DateBounds(**date, *prec)
		**date = first
		if *notBefore == nil {
			*notBefore = &first
		}
		if *notAfter == nil {
			*notAfter = &last
		}
	}
	if *notBefore != nil && *notAfter != nil && (*notAfter).Before(**notBefore) {
		return Invalid(f("dateNotAfter"), "%s is before dateNotBefore %s",
			(*notAfter).Format(time.DateOnly), (*notBefore).Format(time.DateOnly))
	}
	return nil
}

// DateBounds returns the first and last day that a date of the given precision stands
// for: the day itself, its month or its year.
func DateBounds(d time.Time, prec DatePrecision) (first, last time.Time) {
	d = truncateDay(d)
	switch prec {
	case PrecisionMonth:
		first = time.Date(d.Year(), d.Month(), 1, 0, 0, 0, 0, time.UTC)
		return first, first.AddDate(0, 1, -1)
	case PrecisionYear:
		first = time.Date(d.Year(), 1, 1, 0, 0, 0, 0, time.UTC)
		return first, first.AddDate(1, 0, -1)
	default:
		return d, d
	}
}

func truncateDay(t time.Time) time.Time {
	return time.Date(t.Year(), t.Month(), t.Day(), 0, 0, 0, 0, time.UTC)
}

func checkShort(field, v string) error {
	if n := utf8.RuneCountInString(v); n > MaxShortText {
		return Invalid(field, "is %d characters long; at most %d are allowed", n, MaxShortText)
	}
	if !utf8.ValidString(v) {
		return Invalid(field, "is not valid UTF-8")
	}
	return nil
}

// checkName requires a name with at least one letter or digit, unless the thing named
// is given by id (then a name, if any, renames it).
func checkName(field, id, v string) error {
	if v == "" {
		if id != "" {
			return nil
		}
		return Invalid(field, "is required (or give an id)")
	}
	if Fold(v) == "" {
		return Invalid(field, "%q has no letters or digits", v)
	}
	return checkShort(field, v)
}

func checkSpan(field string, from, to *time.Time) error {
	if from != nil && to != nil && to.Before(*from) {
		return Invalid(field+".to", "is before from")
	}
	return nil
}

// cleanList trims each entry, drops empty and repeated ones, and checks lengths.
func cleanList(field string, list []string) ([]string, error) {
	if len(list) > MaxParties {
		return nil, Invalid(field, "has %d entries; at most %d are allowed", len(list), MaxParties)
	}
	seen := map[string]bool{}
	out := list[:0]
	for i, v := range list {
		v = CleanText(v)
		if err := checkShort(fmt.Sprintf("%s[%d]", field, i), v); err != nil {
			return nil, err
		}
		if v != "" && !seen[v] {
			seen[v] = true
			out = append(out, v)
		}
	}
	return out, nil
}

// normalizeAuthorityIDs requires absolute http(s) URIs (Wikidata, VIAF, GND …).
func normalizeAuthorityIDs(field string, ids *[]string) error {
	list, err := cleanList(field+".authorityIds", *ids)
	if err != nil {
		return err
	}
	for i, id := range list {
		u, perr := url.Parse(id)
		if perr != nil || (u.Scheme != "http" && u.Scheme != "https") || u.Host == "" {
			return Invalid(fmt.Sprintf("%s.authorityIds[%d]", field, i), "%q is not an absolute http(s) URI", id)
		}
		// Authority files answer on http and https, with and without a trailing
		// slash; one spelling keeps one person one node.
		u.Scheme, u.Host = "https", strings.ToLower(u.Host)
		u.Path = strings.TrimSuffix(u.Path, "/")
		list[i] = u.String()
	}
	list, _ = cleanList(field+".authorityIds", list) // spellings that became one
	*ids = list
	return nil
}

func validSourceFormat(f SourceFormat) bool {
	switch f {
	case FormatText, FormatEmail, FormatCMIF, FormatJSON:
		return true
	}
	return false
}

func validOrgKind(k OrganisationKind) bool {
	switch k {
	case OrgState, OrgGovernment, OrgNGO, OrgCompany, OrgMedia, OrgGroup, OrgOther:
		return true
	}
	return false
}
