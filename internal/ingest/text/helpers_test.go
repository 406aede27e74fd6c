package text

import (
	"fmt"
	"strings"

	"github.com/lettergraph/lettergraph/internal/domain"
)

// describeOrg renders an organisation briefly for table tests: "Name [ACR] (KIND)".
func describeOrg(o *domain.OrganisationInput) string {
	if o == nil {
		return "none"
	}
	s := o.Name
	if o.Acronym != "" {
		s += " [" + o.Acronym + "]"
	}
	if o.Kind != "" {
		s += " (" + string(o.Kind) + ")"
	}
	return s
}

// describeParty renders a party briefly for table tests.
func describeParty(p domain.PartyInput) string {
	var parts []string
	switch {
	case p.Person != nil:
		s := "person " + p.Person.Name
		if p.Person.Honorific != "" {
			s += " {" + p.Person.Honorific + "}"
		}
		if len(p.Person.Emails) > 0 {
			s += " <" + strings.Join(p.Person.Emails, ",") + ">"
		}
		parts = append(parts, s)
	case p.Organisation != nil:
		parts = append(parts, "organisation "+describeOrg(p.Organisation))
	case p.Office != nil:
		parts = append(parts, fmt.Sprintf("office %s of %s", p.Office.Title, describeOrg(p.Office.Of)))
	default:
		parts = append(parts, "nothing")
	}
	if p.Holds != nil {
		parts = append(parts, fmt.Sprintf("holds %s of %s", p.Holds.Office.Title, describeOrg(p.Holds.Office.Of)))
	}
	if p.MemberOf != nil {
		parts = append(parts, fmt.Sprintf("member of %s as %q", describeOrg(&p.MemberOf.Organisation), p.MemberOf.Role))
	}
	if p.Capacity != "" {
		parts = append(parts, "capacity "+p.Capacity)
	}
	if p.As != "" {
		parts = append(parts, "as "+p.As)
	}
	if p.Written != "" {
		parts = append(parts, "written "+p.Written)
	}
	return strings.Join(parts, "; ")
}
