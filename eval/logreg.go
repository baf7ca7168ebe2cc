package eval

import (
	"errors"
	"fmt"
	"math"
)

// Logistic is a fitted logistic regression: P(y) = 1/(1+exp(-(Bias + W·x))).
type Logistic struct {
	Bias float64
	W    []float64
	// Iterations is how many Newton steps the fit took.
	Iterations int
}

// Prob returns the model's probability for x.
func (m Logistic) Prob(x []float64) float64 {
	z := m.Bias
	for i, w := range m.W {
		z += w * x[i]
	}
	return 1 / (1 + math.Exp(-z))
}

// FitLogistic fits a logistic regression to rows x with labels y by
// Newton's method (iteratively reweighted least squares), with an L2
// penalty l2 on the weights but not the bias. The columns are
// standardised for the fit, so the penalty treats a share in [0,1] and a
// count up to 4 alike, and the weights returned are for the columns as
// given. A constant column gets weight 0. The penalty keeps the weights
// finite when the classes separate on some column (a flag that only
// innocents carry), which plain maximum likelihood would drive to
// infinity.
func FitLogistic(x [][]float64, y []bool, l2 float64) (Logistic, error) {
	if len(x) == 0 || len(x) != len(y) {
		return Logistic{}, fmt.Errorf("logistic fit: %d rows and %d labels", len(x), len(y))
	}
	if l2 <= 0 {
		return Logistic{}, errors.New("logistic fit: the L2 penalty must be positive")
	}
	d := len(x[0])
	for i, r := range x {
		if len(r) != d {
			return Logistic{}, fmt.Errorf("logistic fit: row %d has %d columns, row 0 has %d", i, len(r), d)
		}
	}
	mean, sd := make([]float64, d), make([]float64, d)
	for _, r := range x {
		for j, v := range r {
			mean[j] += v
		}
	}
	for j := range mean {
		mean[j] /= float64(len(x))
	}
	for _, r := range x {
		for j, v := range r {
			sd[j] += (v - mean[j]) * (v - mean[j])
		}
	}
	for j := range sd {
		sd[j] = math.Sqrt(sd[j] / float64(len(x)))
	}
	z := func(r []float64, j int) float64 {
		if sd[j] == 0 {
			return 0
		}
		return (r[j] - mean[j]) / sd[j]
	}
	// beta[0] is the bias, beta[1:] the standardised weights.
	n := d + 1
	beta := make([]float64, n)
	h := make([][]float64, n)
	for i := range h {
		h[i] = make([]float64, n)
	}
	g := make([]float64, n)
	row := make([]float64, n)
	iter := 0
	for ; iter < 100; iter++ {
		for i := range h {
			clear(h[i])
		}
		clear(g)
		for k, r := range x {
			row[0] = 1
			s := beta[0]
			for j := range d {
				row[j+1] = z(r, j)
				s += beta[j+1] * row[j+1]
			}
			p := 1 / (1 + math.Exp(-s))
			t := 0.0
			if y[k] {
				t = 1
			}
			w := max(p*(1-p), 1e-12)
			for a := range n {
				g[a] += row[a] * (t - p)
				for b := a; b < n; b++ {
					h[a][b] += w * row[a] * row[b]
				}
			}
		}
		for a := range n {
			for b := 0; b < a; b++ {
				h[a][b] = h[b][a]
			}
		}
		for a := 1; a < n; a++ {
			h[a][a] += l2
			g[a] -= l2 * beta[a]
		}
		step, err := solve(h, g)
		if err != nil {
			return Logistic{}, fmt.Errorf("logistic fit: step %d: %w", iter+1, err)
		}
		change := 0.0
		for a := range n {
			beta[a] += step[a]
			change = max(change, math.Abs(step[a]))
		}
		if change < 1e-9 {
			iter++
			break
		}
	}
	m := Logistic{Bias: beta[0], W: make([]float64, d), Iterations: iter}
	for j := range d {
		if sd[j] == 0 {
			continue
		}
		m.W[j] = beta[j+1] / sd[j]
		m.Bias -= m.W[j] * mean[j]
	}
	return m, nil
}

// solve returns the solution of a·s = b by Gaussian elimination with
// partial pivoting, leaving a and b as they were.
func solve(a [][]float64, b []float64) ([]float64, error) {
	n := len(b)
	m := make([][]float64, n)
	for i := range m {
		m[i] = append(append(make([]float64, 0, n+1), a[i]...), b[i])
	}
	for c := range n {
		p := c
		for r := c + 1; r < n; r++ {
			if math.Abs(m[r][c]) > math.Abs(m[p][c]) {
				p = r
			}
		}
		if math.Abs(m[p][c]) < 1e-300 {
			return nil, errors.New("singular system")
		}
		m[c], m[p] = m[p], m[c]
		for r := c + 1; r < n; r++ {
			f := m[r][c] / m[c][c]
			for k := c; k <= n; k++ {
				m[r][k] -= f * m[c][k]
			}
		}
	}
	s := make([]float64, n)
	for r := n - 1; r >= 0; r-- {
		v := m[r][n]
		for k := r + 1; k < n; k++ {
			v -= m[r][k] * s[k]
		}
		s[r] = v / m[r][r]
	}
	return s, nil
}
