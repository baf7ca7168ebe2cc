package pipeline

import "github.com/dualscreen/dualscreen/internal/hashspill"

// SetDuplicateCap lowers the duplicate-check cap of s for tests, which
// cannot feed MaxDuplicateCheckRows rows.
func SetDuplicateCap(s *Summary, n int) { s.idCap = n }

// SetDuplicateBuffer makes s spill its id hashes to disk every n rows, so
// tests reach the on-disk runs with a few rows.
func SetDuplicateBuffer(s *Summary, n int) {
	s.recent = make([]uint64, recentIDs)
	s.ids = hashspill.New("", n)
}
