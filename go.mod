module github.com/dualscreen/dualscreen

go 1.26.0

require (
	github.com/adrg/strutil v0.3.1
	golang.org/x/term v0.47.0
	golang.org/x/text v0.43.0
)

require (
	github.com/mozillazg/go-pinyin v0.21.0 // indirect
	golang.org/x/sys v0.49.0 // indirect
)
