package domain

// The values of each enumeration, in the order the schema (schema/*.graphqls)
// declares them. The GraphQL adapter converts its enums to these by name
// (domain.Role(model.RoleCc)), so the two must hold the same values: graph's
// TestEnumsMatchTheSchema checks each list against the schema. LinkKinds is in
// store.go.
var (
	DatePrecisions    = []DatePrecision{PrecisionDay, PrecisionMonth, PrecisionYear, PrecisionUnknown}
	SourceFormats     = []SourceFormat{FormatText, FormatEmail, FormatCMIF, FormatJSON}
	OrganisationKinds = []OrganisationKind{OrgState, OrgGovernment, OrgNGO, OrgCompany, OrgMedia, OrgGroup, OrgOther}
	Roles             = []Role{RoleAuthor, RoleRecipient, RoleCC, RoleBCC, RoleAny}
	LetterOrders      = []LetterOrder{OrderDateDesc, OrderDateAsc, OrderTitleAsc, OrderTitleDesc, OrderImportedAtDesc, OrderImportedAtAsc}
	PairOrders        = []PairOrder{PairByLetters, PairByWroteTo, PairByReceivedFrom, PairByCopiedOnMine,
		PairByCopiedOnTheirs, PairByCopiedAlongside, PairByLastDate, PairByName}
	Buckets   = []Bucket{BucketYear, BucketMonth}
	EdgeKinds = []EdgeKind{EdgeWroteTo, EdgeCopied}
	FactKinds = []FactKind{FactName, FactEmail, FactAuthorityID, FactHonorific, FactHolds, FactMemberOf, FactOf, FactPartOf}
)
