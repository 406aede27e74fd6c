// Package export writes the graph, or the part a letter filter selects, in formats
// other tools read: GraphML and GEXF (the network of correspondents, for Gephi,
// networkx, Cytoscape), CMIF (TEI correspondence metadata, for correspSearch), CSV
// (letters, and their party links) and NDJSON (the canonical documents the importer
// reads). docs/exports.md describes each.
//
// The writers are pure: they take domain values from an iterator (Letters, Network)
// and write them to an io.Writer as they come, so an export holds one value at a time
// whatever the size of the graph. Export joins them to a domain.Exporter, which reads
// the store in batches, as the caller in ctx may see it.
package export

import (
	"context"
	"io"
	"time"

	"github.com/lettergraph/lettergraph/internal/domain"
)

// Letters yields letters: it calls yield with each in turn, and returns the first
// error yield returns, or its own.
type Letters func(yield func(*domain.LetterRecord) error) error

// Network yields a network: Nodes its correspondents, Edges the edges among them. A
// writer reads all nodes, then all edges; every edge's ends are among the nodes.
type Network struct {
	Nodes func(yield func(domain.Correspondent) error) error
	Edges func(yield func(domain.DatedEdge) error) error
}

// Options are what a format may take beyond the values it writes.
type Options struct {
	// Now is the time the export is made, which GEXF and CMIF headers carry.
	Now time.Time
	// CMIF describes the CMIF file (its title, editor, address, licence).
	CMIF CMIFHeader
}

// Format is one export format: how to name, serve and write it.
type Format struct {
	Name        string // as `export --format` and GET /export/{name} name it
	File        string // the file name it is saved as
	ContentType string
	write       func(ctx context.Context, ex domain.Exporter, f domain.LetterFilter, w io.Writer, o Options) error
}

// Write writes the letters f selects, or their network, in format fm to w, reading
// them through ex as ctx's caller may see them.
func (fm Format) Write(ctx context.Context, ex domain.Exporter, f domain.LetterFilter, w io.Writer, o Options) error {
	return fm.write(ctx, ex, f, w, o)
}

// Formats are the formats an export can be written in, each one file.
var Formats = []Format{
	{"graphml", "lettergraph.graphml", "application/graphml+xml", func(ctx context.Context, ex domain.Exporter, f domain.LetterFilter, w io.Writer, o Options) error {
		return WriteGraphML(w, NetworkOf(ctx, ex, f))
	}},
	{"gexf", "lettergraph.gexf", "application/gexf+xml", func(ctx context.Context, ex domain.Exporter, f domain.LetterFilter, w io.Writer, o Options) error {
		return WriteGEXF(w, NetworkOf(ctx, ex, f), o.Now)
	}},
	{"cmif", "lettergraph-cmif.xml", "application/tei+xml", func(ctx context.Context, ex domain.Exporter, f domain.LetterFilter, w io.Writer, o Options) error {
		return WriteCMIF(w, LettersOf(ctx, ex, withParts(f, cmifParts)), o.CMIF, o.Now)
	}},
	{"ndjson", "lettergraph.ndjson", "application/x-ndjson", func(ctx context.Context, ex domain.Exporter, f domain.LetterFilter, w io.Writer, o Options) error {
		return WriteNDJSON(w, LettersOf(ctx, ex, f))
	}},
	{"letters.csv", "letters.csv", "text/csv; charset=utf-8; header=present", func(ctx context.Context, ex domain.Exporter, f domain.LetterFilter, w io.Writer, o Options) error {
		return WriteCSVOf(ctx, ex, f, w, nil)
	}},
	{"links.csv", "links.csv", "text/csv; charset=utf-8; header=present", func(ctx context.Context, ex domain.Exporter, f domain.LetterFilter, w io.Writer, o Options) error {
		return WriteCSVOf(ctx, ex, f, nil, w)
	}},
}

// The parts of a letter each letter format writes (NDJSON: all, with the record):
// the store reads no more.
const (
	parties   = domain.PartsChosen | domain.PartAuthors | domain.PartRecipients | domain.PartCC | domain.PartBCC | domain.PartWrittenAt
	cmifParts = parties | domain.PartMentions
	csvParts  = parties | domain.PartBody
)

// withParts is f asking for parts.
func withParts(f domain.LetterFilter, parts domain.LetterParts) domain.LetterFilter {
	f.Parts = parts
	return f
}

// WriteCSVOf writes the letters f selects, read through ex, as CSV of letters and of
// links (either writer may be nil), in one pass.
func WriteCSVOf(ctx context.Context, ex domain.Exporter, f domain.LetterFilter, letters, links io.Writer) error {
	return WriteCSV(LettersOf(ctx, ex, withParts(f, csvParts)), letters, links)
}

// FormatByName returns the format named name.
func FormatByName(name string) (Format, bool) {
	for _, fm := range Formats {
		if fm.Name == name {
			return fm, true
		}
	}
	return Format{}, false
}

// LettersOf yields the letters f selects, read through ex.
func LettersOf(ctx context.Context, ex domain.Exporter, f domain.LetterFilter) Letters {
	return func(yield func(*domain.LetterRecord) error) error { return ex.EachLetter(ctx, f, yield) }
}

// NetworkOf yields the network of the letters f selects, read through ex.
func NetworkOf(ctx context.Context, ex domain.Exporter, f domain.LetterFilter) Network {
	return Network{
		Nodes: func(yield func(domain.Correspondent) error) error { return ex.EachCorrespondent(ctx, f, yield) },
		Edges: func(yield func(domain.DatedEdge) error) error { return ex.EachEdge(ctx, f, yield) },
	}
}
