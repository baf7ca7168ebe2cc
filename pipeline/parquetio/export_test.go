package parquetio

// ViaArrow returns o set to write through arrowWriter whatever the input.
func ViaArrow(o SinkOptions) SinkOptions {
	o.viaArrow = true
	return o
}

// WritesDirect reports whether s writes through directWriter.
func WritesDirect(s *Sink) bool {
	_, ok := s.w.(*directWriter)
	return ok
}

// DictBytes returns o with directWriter's bound on dictionary-encoded bytes
// per row group set to n.
func DictBytes(o SinkOptions, n int64) SinkOptions {
	o.dictBytes = n
	return o
}

// DictValues returns o with directWriter's bound on the values of one
// dictionary-encoded column per row group set to n.
func DictValues(o SinkOptions, n int64) SinkOptions {
	o.dictValues = n
	return o
}
