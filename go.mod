module github.com/dualscreen/dualscreen

go 1.26.0

require (
	github.com/adrg/strutil v0.3.1
	golang.org/x/text v0.43.0
)
