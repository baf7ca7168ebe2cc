package textio

import (
	"bufio"

	"github.com/dualscreen/dualscreen/pipeline"
)

// output is the atomic file and buffer both text sinks write through.
type output struct {
	file *pipeline.AtomicFile
	buf  *bufio.Writer
}

func createOutput(path string) (output, error) {
	f, err := pipeline.CreateAtomic(path)
	if err != nil {
		return output{}, err
	}
	return output{file: f, buf: bufio.NewWriterSize(f, 1<<20)}, nil
}

func (o output) commit() error {
	if err := o.buf.Flush(); err != nil {
		o.file.Abort()
		return err
	}
	return o.file.Commit()
}

func (o output) abort() error { return o.file.Abort() }
