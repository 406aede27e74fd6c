package export

import (
	"io"
	"strconv"
	"time"

	"github.com/lettergraph/lettergraph/internal/domain"
)

// The network formats write correspondents as nodes (id, name, kind, and an office's
// organisation) and the WROTE_TO and COPIED edges among them (weight: letters; first
// and last: the dates the letters span), directed from author to recipient. A pair
// can have both a WROTE_TO and a COPIED edge: two edges, told apart by their kind.

// WriteGraphML writes n as GraphML (http://graphml.graphdrawing.org/), valid by its
// schema. Keys are chosen so that Gephi and networkx both read them: the node key
// "label" (Gephi's node label) is named "name", the edge key "edgelabel" (Gephi's
// edge label) "kind", and "weight" is Gephi's edge weight.
func WriteGraphML(w io.Writer, n Network) error {
	x := newXML(w)
	x.start("graphml", "xmlns", "http://graphml.graphdrawing.org/xmlns",
		"xmlns:xsi", "http://www.w3.org/2001/XMLSchema-instance",
		"xsi:schemaLocation", "http://graphml.graphdrawing.org/xmlns http://graphml.graphdrawing.org/xmlns/1.0/graphml.xsd")
	for _, k := range [][4]string{
		{"label", "node", "name", "string"},
		{"kind", "node", "kind", "string"},
		{"organisation", "node", "organisation", "string"},
		{"edgelabel", "edge", "kind", "string"},
		{"weight", "edge", "weight", "int"},
		{"first", "edge", "first", "string"},
		{"last", "edge", "last", "string"},
	} {
		x.leaf("key", "", "id", k[0], "for", k[1], "attr.name", k[2], "attr.type", k[3])
	}
	x.start("graph", "id", "lettergraph", "edgedefault", "directed")
	data := func(key, value string) {
		if value != "" {
			x.leaf("data", value, "key", key)
		}
	}
	err := n.Nodes(func(c domain.Correspondent) error {
		x.start("node", "id", c.NodeID())
		data("label", c.DisplayName())
		data("kind", kindOf(c))
		data("organisation", organisationOf(c))
		x.end()
		return x.err
	})
	if err != nil {
		return err
	}
	i := 0
	err = n.Edges(func(e domain.DatedEdge) error {
		i++
		x.start("edge", "id", "e"+strconv.Itoa(i), "source", e.From, "target", e.To)
		data("edgelabel", string(e.Kind))
		data("weight", strconv.Itoa(e.Weight))
		data("first", day(e.First))
		data("last", day(e.Last))
		x.end()
		return x.err
	})
	if err != nil {
		return err
	}
	return x.close()
}

// WriteGEXF writes n as GEXF 1.3 (https://gexf.net/), valid by its schema, with its
// attributes declared: a node's name is its label, its kind and organisation are
// attributes; an edge has its kind (GEXF 1.3's attribute for parallel edges, which
// Gephi reads as the edge type, so that WROTE_TO and COPIED stay apart), the kind as
// label too, its weight, and first and last as attributes. now dates the file.
func WriteGEXF(w io.Writer, n Network, now time.Time) error {
	x := newXML(w)
	x.start("gexf", "xmlns", "http://gexf.net/1.3",
		"xmlns:xsi", "http://www.w3.org/2001/XMLSchema-instance",
		"xsi:schemaLocation", "http://gexf.net/1.3 http://gexf.net/1.3/gexf.xsd", "version", "1.3")
	x.start("meta", "lastmodifieddate", now.UTC().Format(time.DateOnly))
	x.leaf("creator", "lettergraph")
	x.leaf("description", "Correspondents and who wrote to or copied whom, weighted by letters")
	x.end()
	x.start("graph", "defaultedgetype", "directed")
	attributes := func(class string, ids ...string) {
		x.start("attributes", "class", class)
		for _, id := range ids {
			x.leaf("attribute", "", "id", id, "title", id, "type", "string")
		}
		x.end()
	}
	attributes("node", "kind", "organisation")
	attributes("edge", "first", "last")
	attvalues := func(pairs ...string) {
		any := false
		for i := 1; i < len(pairs); i += 2 {
			any = any || pairs[i] != ""
		}
		if !any {
			return
		}
		x.start("attvalues")
		for i := 0; i+1 < len(pairs); i += 2 {
			if pairs[i+1] != "" {
				x.leaf("attvalue", "", "for", pairs[i], "value", pairs[i+1])
			}
		}
		x.end()
	}
	x.start("nodes")
	err := n.Nodes(func(c domain.Correspondent) error {
		x.start("node", "id", c.NodeID(), "label", token(c.DisplayName()))
		attvalues("kind", kindOf(c), "organisation", organisationOf(c))
		x.end()
		return x.err
	})
	if err != nil {
		return err
	}
	x.end()
	x.start("edges")
	i := 0
	err = n.Edges(func(e domain.DatedEdge) error {
		x.start("edge", "id", strconv.Itoa(i), "source", e.From, "target", e.To, "kind", string(e.Kind),
			"label", string(e.Kind), "weight", strconv.Itoa(e.Weight))
		i++
		attvalues("first", day(e.First), "last", day(e.Last))
		x.end()
		return x.err
	})
	if err != nil {
		return err
	}
	return x.close()
}
