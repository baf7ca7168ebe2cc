package pipeline

// SetDuplicateCap lowers the duplicate-check cap of s for tests, which
// cannot feed MaxDuplicateCheckRows rows.
func SetDuplicateCap(s *Summary, n int) { s.idCap = n }
