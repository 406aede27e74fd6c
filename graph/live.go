package graph

import (
	"context"

	"github.com/lettergraph/lettergraph/graph/model"
	"github.com/lettergraph/lettergraph/internal/domain"
)

// letterAdded subscribes to the letters added, after checking that involving, when
// given, names a correspondent (NOT_FOUND otherwise).
func (r *Resolver) letterAdded(ctx context.Context, involving string) (<-chan *model.Letter, error) {
	if r.Live == nil {
		return nil, &domain.Error{Code: domain.CodeUnavailable, Message: "this server delivers no subscriptions"}
	}
	if involving != "" {
		if _, err := r.Store.Correspondent(ctx, involving); err != nil {
			return nil, err
		}
	}
	in, err := r.Live.Subscribe(ctx, involving)
	if err != nil {
		return nil, err
	}
	out := make(chan *model.Letter)
	go func() {
		defer close(out)
		for l := range in {
			select {
			case out <- toLetter(l):
			case <-ctx.Done():
				return
			}
		}
	}()
	return out, nil
}

// added tells the stream that this process wrote letters, so that subscribers get
// them at once rather than at the next poll.
func (r *Resolver) added() {
	if r.Live != nil {
		r.Live.Added()
	}
}
