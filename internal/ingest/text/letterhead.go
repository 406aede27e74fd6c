package text

import (
	"strings"
	"unicode/utf8"

	"github.com/lettergraph/lettergraph/internal/domain"
)

// The letterhead's organisation, and the parties of a memo on letterhead tied to it.

// inHouse ties the parties of a memo on letterhead to the letterhead's organisation:
// a memo (To and From headers) on a body's own paper passes inside it, so its author
// and the recipients it names by a title alone or a title and one of the body's
// units ("Directeur des services généraux", "مدير إدارة المشاريع") work there, and an
// office with no organisation ("المدير العام") is the body's. Copies are tied only
// when they are offices: a person copied is named without a title.
func inHouse(in *domain.LetterInput, head string) {
	org := domain.OrganisationInput{Name: head, Kind: orgKind(head)}
	tie := func(p *domain.PartyInput, title string) {
		switch {
		case p.Office != nil && p.Office.Of == nil:
			p.Office.Of = &org
		case p.Person == nil || p.Holds != nil || title == "":
		case p.MemberOf == nil || isUnitText(p.MemberOf.Organisation.Name) || onlyAKind(p.MemberOf.Organisation.Name):
			p.MemberOf = &domain.MembershipInput{Organisation: org, Role: dropTitleArticle(title)}
		}
	}
	for i := range in.Authors {
		tie(&in.Authors[i], in.Authors[i].Capacity)
	}
	for i := range in.Recipients {
		tie(&in.Recipients[i], in.Recipients[i].As)
	}
	homeOffices(in, org)
}

// homeOffices gives the copies to a bare office ("المدير العام", "Director of Human
// Resources") the organisation org.
func homeOffices(in *domain.LetterInput, org domain.OrganisationInput) {
	for _, list := range [][]domain.PartyInput{in.CC, in.BCC} {
		for i := range list {
			if o := list[i].Office; o != nil && o.Of == nil {
				o.Of = &org
			}
		}
	}
}

// letterheadOrg returns the organisation a letterhead names first: its first line
// when that is an organisation's name (or a sender line's first part, "Verein e.V. ·
// Straße 1 · Ort").
func letterheadOrg(lay *layout) string {
	for _, z := range lay.find(zLetterhead) {
		t := lay.lines[z.from].text
		if _, encl := lex.label(secLabelEnclosure, t); encl {
			continue // "پیوست: ندارد" beside the number and date, over the letterhead
		}
		if i := strings.IndexAny(t, "·|"); i > 0 {
			t = strings.TrimSpace(t[:i])
		}
		for _, dash := range []string{" — ", " – ", " -- "} {
			if i := strings.Index(t, dash); i > 0 && isOrgText(t[:i]) {
				t = strings.TrimSpace(t[:i]) // "… (سهامی خاص) — کارخانه شماره ۲، …": the body, then where or what
			}
		}
		if next := z.from + 1; next < z.to {
			nt := lay.lines[next].text
			if f := foldLine(nt); quotedName(nt) || len(f.w) > 1 && orgConnectors[f.w[0]] && (startsLower(nt) || allCaps(t) && allCaps(nt)) && !isAddressText(nt) ||
				allCaps(t) && allCaps(nt) && (!isOrgText(t) || onlyAKind(t)) && isOrgText(nt) && !isAddressText(nt) && !isContactText(nt) && !strings.ContainsAny(t, ".,") {
				// "МУНИЦИПАЛЬНОЕ БЮДЖЕТНОЕ УЧРЕЖДЕНИЕ КУЛЬТУРЫ / «МУЗЕЙ ИСТОРИИ …»",
				// "Historisches Seminar / der Johann Wolfgang Goethe-Universität", "THE
				// FENLAND DRAINAGE / HISTORICAL SOCIETY.": one name.
				t += " " + nt
			}
		}
		if !isOrgText(t) || isTitleText(t) || isAddressText(t) {
			return ""
		}
		// A hierarchy of bodies, from the state down ("جمهوری اسلامی ایران" /
		// "وزارت بهداشت …" / "دانشگاه علوم پزشکی کرمان" / "معاونت …"): the letter is
		// the last body of it that is not one of its units.
		if governing(t) || isUnitText(t) || officeOfTitle(t) {
			for next := z.from + 1; next < z.to; next++ {
				nt := lay.lines[next].text
				if !isOrgText(nt) || isTitleText(nt) || isAddressText(nt) || isContactText(nt) || isUnitText(nt) || officeOfTitle(nt) {
					break
				}
				t = nt
			}
		}
		return trimPunct(t)
	}
	return ""
}

// officeOfTitle reports whether t names the office of a post-holder, a unit of the
// body named under it: "Office of the Vice-Chancellor", "Cabinet du Maire", "Büro des
// Oberbürgermeisters".
func officeOfTitle(t string) bool {
	f := foldLine(t)
	n, ok := lex.prefix(secOrganisationWord, f)
	if !ok || n+1 >= len(f.w) || !orgConnectors[f.w[n]] {
		return false
	}
	k := n + 1
	if lex.words[secArticle][f.w[k]] && k+1 < len(f.w) {
		k++
	}
	return isTitleText(f.after(k)) && !isOrgText(f.after(k))
}

// governing reports whether a letterhead's line names a state or a ministry, over
// the body that writes.
func governing(t string) bool {
	if _, ok := country(t); ok {
		return true
	}
	k := orgKind(t)
	return k == domain.OrgState || k == domain.OrgGovernment
}

// quotedName reports whether a line is a name in quotes, nothing else: «…», "…", „…“.
func quotedName(t string) bool {
	t = strings.TrimSpace(t)
	first, _ := utf8.DecodeRuneInString(t)
	last, _ := utf8.DecodeLastRuneInString(t)
	return utf8.RuneCountInString(t) > 2 && strings.ContainsRune("«\"„“", first) && strings.ContainsRune("»\"“”", last)
}
