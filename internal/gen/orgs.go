package gen

import (
	"strings"

	"github.com/lettergraph/lettergraph/internal/domain"
)

// org is an organisation of the population.
type org struct {
	name      string
	acronym   string
	kind      domain.OrganisationKind
	sub       string // for GOVERNMENT: "ministry", "government" or "city"; it decides the offices
	country   int    // index in countries, or -1
	partOf    int    // index of the containing organisation, or -1
	authority string
	mail      string // mail domain of its members
}

// Name parts of organisations. Each kind has its own, so that a name says what kind
// of body it is, as real names mostly do.
var (
	ministries = words("Foreign_Affairs Interior Finance Health Education Justice Defence Culture Environment Labour_and_Social_Affairs Agriculture Energy Economy Transport")
	ngoHeads   = words("Association Society Foundation Alliance Council Committee Federation Institute League Network Centre Fund")
	ngoCauses  = words("Supporting_Iranians_Living_in_Albania Human_Rights Press_Freedom Cultural_Heritage Children's_Welfare Democratic_Reform Women's_Rights Peace_and_Dialogue Medical_Relief Migrant_Families Historical_Research Environmental_Protection Rural_Education Clean_Water Victims_of_Torture Minority_Languages Open_Archives Families_of_Detainees Refugee_Support Religious_Freedom")
	ngoWords   = words("Nejat Amal Hope Horizon Lumière Zukunft Esperanza Aurora Phoenix Harmony Bridge Beacon Nour Omid Sahar Mehr Solidarité Brückenbau Arcobaleno Sol Iris Dawn")
	ngoTails   = words("Society Foundation Association Trust Initiative")
	firmWords  = words("Atlas Meridian Northstar Caspian Alborz Rheinland Provence Adriatic Pacific Orion Helios Vanguard Sterling Zagros Danube Iberia Alpine Baltic Levant Sahara Gulf Aegean")
	firmTrades = words("Shipping Energy Industries Holdings Construction Pharmaceuticals Textiles Airlines Mining Telecom Publishing Trading_Company Insurance Bank Engineering Logistics")
	papers     = words("Times Herald Gazette Chronicle Observer Tribune Courier Post")
	groups     = words("The_Media The_Press The_Diplomatic_Corps The_Public The_Opposition The_Families_of_the_Camp_Residents Friends_of_the_Library The_Board_of_Trustees")
	// suffixes by a founder's culture
	firmSuffix = map[string][]string{"en": words("Ltd Ltd Inc. plc"), "de": words("GmbH AG KG"), "fr": words("S.A. SARL"), "es": words("S.A. S.L."), "it": words("S.p.A. S.r.l."), "fa-Latn": words("Co. Group"), "fa-Arab": words("Co.")}
)

// orgName composes a name and acronym for an organisation of kind at city ci. It may
// return a name that is taken; the caller draws again.
func orgName(r *rng, kind domain.OrganisationKind, ci int) (name, acronym string) {
	place := cities[ci].name
	cn := countries[cities[ci].country].name
	switch kind {
	case domain.OrgNGO:
		switch r.intn(4) {
		case 0:
			return pick(r, ngoWords) + " " + pick(r, ngoTails), ""
		case 1:
			if cause := pick(r, ngoCauses); !strings.Contains(cause, " in ") {
				name = pick(r, ngoHeads) + " for " + cause + " in " + cn
				break
			}
			fallthrough
		default:
			name = pick(r, ngoHeads) + " for " + pick(r, ngoCauses)
		}
	case domain.OrgCompany:
		if r.chance(0.4) {
			c := pick(r, cultures)
			return pick(r, c.last) + " & " + pick(r, c.last) + " " + pick(r, firmSuffix[c.key]), ""
		}
		name = pick(r, firmWords) + " " + pick(r, firmTrades)
	case domain.OrgMedia:
		switch r.intn(5) {
		case 0:
			return "The " + place + " " + pick(r, papers), ""
		case 1:
			return "Radio " + cn, ""
		case 2:
			name = cn + " Broadcasting Corporation"
		case 3:
			name = pick(r, firmWords) + " News Agency"
		default:
			return pick(r, []string{"Le Journal de ", "Neue Zeitung ", "El Diario de ", "Il Corriere di "}) + place, ""
		}
	case domain.OrgGroup:
		if r.chance(0.5) {
			return pick(r, groups), ""
		}
		return pick(r, []string{"Concerned Citizens of ", "Residents' Committee of ", "Parents' Group of ", "Friends of "}) + place, ""
	default:
		return "Association of " + place, ""
	}
	if r.chance(0.5) {
		acronym = initials(name)
	}
	return name, acronym
}

// initials makes an acronym of the capitalised words of a name: "Association for
// Supporting Iranians Living in Albania" gives ASILA.
func initials(name string) string {
	var b strings.Builder
	for _, w := range strings.Fields(name) {
		r := []rune(w)[0]
		if r >= 'A' && r <= 'Z' {
			b.WriteRune(r)
		}
	}
	if b.Len() < 2 {
		return ""
	}
	return b.String()
}

// roles are what members of an organisation of a kind sign as.
var roles = map[domain.OrganisationKind][]string{
	domain.OrgState:      words("Adviser Official Envoy"),
	domain.OrgGovernment: words("Adviser Official Spokesperson Head_of_Department"),
	domain.OrgNGO:        words("Director Chair Member Member Secretary Treasurer President CEO Volunteer_Coordinator"),
	domain.OrgCompany:    words("CEO CFO Director Managing_Director General_Counsel Head_of_Public_Affairs"),
	domain.OrgMedia:      words("Editor Correspondent Correspondent Journalist Editor-in-Chief"),
	domain.OrgGroup:      words("Member Member Spokesperson Coordinator"),
}

// officeTitles are the offices an organisation of a kind has; "%c" is replaced by a
// country name and "%p" by a city.
func officeTitles(o *org) []string {
	switch o.kind {
	case domain.OrgState:
		return words("Prime_Minister President Foreign_Minister Minister_of_Interior Minister_of_Finance Minister_of_Justice Minister_of_Health Minister_of_Education Minister_of_Defence Speaker_of_Parliament Ambassador_to_%c Ambassador_to_%c Consul_General_in_%p Chief_of_Staff")
	case domain.OrgGovernment:
		switch o.sub {
		case "city":
			return words("Mayor Deputy_Mayor City_Clerk")
		case "ministry":
			return words("Permanent_Secretary Director-General Spokesperson Head_of_Consular_Affairs")
		}
		return words("Government_Spokesperson Cabinet_Secretary")
	case domain.OrgCompany:
		return words("CEO CFO Chair_of_the_Board General_Counsel Head_of_Public_Affairs")
	case domain.OrgMedia:
		return words("Editor-in-Chief Managing_Editor Foreign_Editor Ombudsman")
	case domain.OrgNGO:
		return words("Director President Secretary-General Chair Treasurer")
	}
	return words("Spokesperson Coordinator")
}
