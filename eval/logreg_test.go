package eval

import (
	"math"
	"math/rand/v2"
	"testing"
)

// Labels drawn from a known model come back as that model's coefficients.
func TestFitLogisticRecoversKnownModel(t *testing.T) {
	rng := rand.New(rand.NewPCG(4, 821))
	const n = 20000
	bias, w1, w2 := -1.0, 3.0, -2.0
	x := make([][]float64, n)
	y := make([]bool, n)
	for i := range n {
		a, b := rng.Float64(), 4*rng.Float64() // a share and a count-like column
		x[i] = []float64{a, b, 7}              // the last column is constant
		p := 1 / (1 + math.Exp(-(bias + w1*a + w2*b/4)))
		y[i] = rng.Float64() < p
	}
	m, err := FitLogistic(x, y, 1e-6)
	if err != nil {
		t.Fatal(err)
	}
	want := []float64{w1, w2 / 4, 0}
	for j, w := range want {
		if math.Abs(m.W[j]-w) > 0.15*max(1, math.Abs(w)) {
			t.Errorf("weight %d = %.3f, want about %.3f", j, m.W[j], w)
		}
	}
	if math.Abs(m.Bias-bias) > 0.2 {
		t.Errorf("bias = %.3f, want about %.3f", m.Bias, bias)
	}
	if m.Iterations < 2 || m.Iterations >= 100 {
		t.Errorf("took %d Newton steps", m.Iterations)
	}
	// the probability is the model's
	if p := m.Prob([]float64{1, 0, 7}); math.Abs(p-1/(1+math.Exp(-2))) > 0.05 {
		t.Errorf("P(1, 0) = %.3f, want about 0.881", p)
	}
}

// A column that separates the classes perfectly keeps a finite weight
// under the penalty, and a larger penalty shrinks it.
func TestFitLogisticSeparableStaysFinite(t *testing.T) {
	var x [][]float64
	var y []bool
	for i := range 200 {
		v := float64(i%10) / 10
		x = append(x, []float64{float64(i % 2), v})
		y = append(y, i%2 == 1)
	}
	weak, err := FitLogistic(x, y, 0.01)
	if err != nil {
		t.Fatal(err)
	}
	strong, err := FitLogistic(x, y, 10)
	if err != nil {
		t.Fatal(err)
	}
	if math.IsInf(weak.W[0], 0) || math.IsNaN(weak.W[0]) || weak.W[0] <= 0 {
		t.Fatalf("separating weight %v", weak.W[0])
	}
	if strong.W[0] >= weak.W[0] {
		t.Errorf("penalty 10 gives %.3f, penalty 0.01 %.3f: should shrink", strong.W[0], weak.W[0])
	}
	if weak.Prob([]float64{1, 0.5}) < 0.99 || weak.Prob([]float64{0, 0.5}) > 0.01 {
		t.Errorf("the separating column does not separate: %.3f / %.3f", weak.Prob([]float64{1, 0.5}), weak.Prob([]float64{0, 0.5}))
	}
}

func TestFitLogisticBadInput(t *testing.T) {
	if _, err := FitLogistic(nil, nil, 1); err == nil {
		t.Error("no rows: want an error")
	}
	if _, err := FitLogistic([][]float64{{1, 2}, {1}}, []bool{true, false}, 1); err == nil {
		t.Error("ragged rows: want an error")
	}
	if _, err := FitLogistic([][]float64{{1}}, []bool{true}, 0); err == nil {
		t.Error("no penalty: want an error")
	}
}
