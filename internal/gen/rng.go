package gen

import (
	"math"
	"math/bits"
	"math/rand/v2"
)

// rng is a PCG held by value: one is made per letter, and a value type keeps that free
// of allocation. Every letter has its own stream, keyed by the seed and its index, so
// letters can be made in any order, by any number of workers, and still come out the
// same.
type rng struct{ src rand.PCG }

// newRNG returns the stream key of the generator seeded with seed. Both words are
// mixed, so that neighbouring keys (letters i and i+1) start far apart.
func newRNG(seed, key uint64) rng {
	var r rng
	r.src.Seed(splitmix(seed^0x6a09e667f3bcc909), splitmix(key+0xbb67ae8584caa73b))
	return r
}

// splitmix is the SplitMix64 finaliser: a bijective mix of 64 bits.
func splitmix(x uint64) uint64 {
	x += 0x9e3779b97f4a7c15
	x = (x ^ (x >> 30)) * 0xbf58476d1ce4e5b9
	x = (x ^ (x >> 27)) * 0x94d049bb133111eb
	return x ^ (x >> 31)
}

// intn returns a number in [0, n) by multiply-shift; its bias, below n/2^64, does not
// matter here.
func (r *rng) intn(n int) int {
	hi, _ := bits.Mul64(r.src.Uint64(), uint64(n))
	return int(hi)
}

// between returns a number in [lo, hi].
func (r *rng) between(lo, hi int) int { return lo + r.intn(hi-lo+1) }

// float returns a number in [0, 1).
func (r *rng) float() float64 { return float64(r.src.Uint64()>>11) / (1 << 53) }

// chance reports true with probability p.
func (r *rng) chance(p float64) bool { return r.float() < p }

// pick returns a uniformly chosen element of list.
func pick[T any](r *rng, list []T) T { return list[r.intn(len(list))] }

// weighted is a discrete distribution over 0..n-1, sampled in constant time by
// Walker's alias method: column i is kept with probability keep[i]/2^64, else it
// gives way to alias[i]. Sampling is on the hot path (every word of every body), so
// one draw of 64 bits serves both the column and the coin.
type weighted struct {
	keep  []uint64
	alias []int32
}

// zipf returns the Zipf–Mandelbrot distribution with weight 1/(k+1+q)^s for rank k:
// a few ranks carry much of the mass and the long tail little each, which is how
// activity in a correspondence archive is spread. The offset q flattens the head, so
// that the busiest correspondent is busy but not on every other letter.
func zipf(n int, s, q float64) weighted {
	w := make([]float64, n)
	for k := range n {
		w[k] = math.Pow(float64(k+1)+q, -s)
	}
	return newWeighted(w)
}

// newWeighted builds the alias table of weights w by Vose's method.
func newWeighted(w []float64) weighted {
	n := len(w)
	d := weighted{keep: make([]uint64, n), alias: make([]int32, n)}
	total := 0.0
	for _, x := range w {
		total += x
	}
	scaled := make([]float64, n)
	var small, large []int
	for i, x := range w {
		scaled[i] = x * float64(n) / total
		if scaled[i] < 1 {
			small = append(small, i)
		} else {
			large = append(large, i)
		}
	}
	for len(small) > 0 && len(large) > 0 {
		s, l := small[len(small)-1], large[len(large)-1]
		small = small[:len(small)-1]
		d.keep[s] = uint64(scaled[s] * (1 << 64))
		d.alias[s] = int32(l)
		scaled[l] -= 1 - scaled[s]
		if scaled[l] < 1 {
			large = large[:len(large)-1]
			small = append(small, l)
		}
	}
	// What is left is 1 up to rounding: always kept.
	for _, i := range append(small, large...) {
		d.keep[i] = math.MaxUint64
		d.alias[i] = int32(i)
	}
	return d
}

// sample draws an index. The high word of u·n picks the column; the low word, uniform
// in its own right, is the coin.
func (d weighted) sample(r *rng) int {
	col, coin := bits.Mul64(r.src.Uint64(), uint64(len(d.keep)))
	if coin < d.keep[col] {
		return int(col)
	}
	return int(d.alias[col])
}
