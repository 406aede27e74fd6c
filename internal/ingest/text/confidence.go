package text

import (
	"github.com/lettergraph/lettergraph/internal/domain"
	"github.com/lettergraph/lettergraph/internal/ingest/document"
)

// How sure a reading is, by the zone it comes from. A labelled header says what its
// value is; a layout (a signature under the close, a block above the salutation) says
// it nearly as well; a salutation names a title at most ("Dear Minister"), and sends
// the letter to review (document.ReviewBelow).
const (
	confHeader     = 0.95 // To:, From:, Cc:, Date:
	confVerbale    = 0.9  // "The Embassy of X presents its compliments to the Y"
	confDateLine   = 0.9  // "Berlin, den 3. März 2021"
	confList       = 0.9  // a copy or distribution list under its label
	confSignature  = 0.85 // names under the close
	confAddress    = 0.8  // the addressee block
	confTitle      = 0.75 // "Open letter to the Minister of Culture on …"
	confReference  = 0.7  // the date inside a reference ("Prot. n. 45 del 12/03/2020")
	confSalutation = 0.5  // "Dear Minister,"
	// kindGuessed scales a party read as an organisation only because it is no
	// person and no office: no word says it is a body.
	kindGuessed = 0.8
)

// noteParties records how each party of a list was found, and returns the list.
func noteParties(rd *document.Reading, fact, how string, conf float64, list []domain.PartyInput) []domain.PartyInput {
	for i := range list {
		p := &list[i]
		c, h := conf, how
		if o := p.Organisation; o != nil && o.Kind == "" && o.Acronym == "" && !isOrgText(o.Name) {
			c, h = c*kindGuessed, how+", kind guessed"
		}
		rd.Add(fact, p.InlineName(), h, c)
	}
	return list
}

// noteDate records how the letter's date was found.
func noteDate(rd *document.Reading, in *domain.LetterInput, how string, conf float64) {
	rd.Add("date", in.DateText, how, conf)
}

// noteMissing flags a letter without an author, a recipient or a date: a letter has
// them all, so one not found was most likely missed.
func noteMissing(rd *document.Reading, in *domain.LetterInput) {
	if len(in.Authors) == 0 {
		rd.Flag("no author found")
	}
	if len(in.Recipients) == 0 {
		rd.Flag("no recipient found")
	}
	if in.Date == nil && in.DateText == "" {
		rd.Flag("no date found")
	}
}
