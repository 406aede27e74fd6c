package gen

import (
	"testing"
)

func BenchmarkPop(b *testing.B) {
	for b.Loop() {
		newPopulation(Config{Seed: 1, Correspondents: 30000, From: 1950, To: 2024})
	}
}
